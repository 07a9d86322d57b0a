// Certified questions are answered as certified only when asked as they stand; anything said beside the title is a
// new question for the parser.
import { describe, expect, it } from "vitest";

import type { CertifiedQuestion } from "@pharmacrm/domain";

import { certifiedAsked } from "./certified";
import { readIntent } from "./intent";
import { DEMO_VOCABULARY } from "./labelled/demo-vocabulary";

const byTerritory: CertifiedQuestion = {
  title: "In-person calls by territory, last quarter",
  query: {
    measures: ["Calls.count"],
    dimensions: ["Territories.name"],
    filters: [{ member: "Calls.channel", operator: "equals", values: ["in_person"] }],
    timeDimensions: [{ dimension: "Calls.occurredAt", dateRange: "last quarter" }],
    order: [],
    limit: 500,
  },
};
const weekly: CertifiedQuestion = {
  title: "Weekly call report",
  query: { ...byTerritory.query, filters: [], dimensions: ["Reps.name"] },
};
const certified = [byTerritory, weekly];

describe("a certified question asked in the chat", () => {
  it.each([
    "In-person calls by territory, last quarter",
    "in person calls by territory last quarter?",
    "Show me in-person calls by territory - last quarter",
    "please run the certified report in-person calls by territory, last quarter",
    "what are the in-person calls by territory last quarter",
    "  IN-PERSON CALLS BY TERRITORY, LAST QUARTER please",
    "can you show me the weekly call report",
    "weekly call report",
  ])("“%s” is the certified question", (text) => {
    expect(certifiedAsked(text, certified)?.title).toBeDefined();
  });

  it.each([
    "in-person calls by territory, last quarter for Boston",
    "in-person calls by territory",
    "phone calls by territory, last quarter",
    "weekly call report by month",
    "report",
    "",
    "draft an email about the weekly call report",
  ])("“%s” is not", (text) => {
    expect(certifiedAsked(text, certified)).toBeNull();
  });

  it("is read before the parser, with the certified query as it stands", () => {
    const now = new Date("2026-12-03T10:00:00Z");
    const context = { role: "rep" as const, vocabulary: DEMO_VOCABULARY, certified };
    expect(readIntent("Show me the weekly call report", now, null, context)).toEqual({
      kind: "analytics",
      query: weekly.query,
      missing: null,
      period: null,
      certified: "Weekly call report",
    });
    // Said beside the title, Boston is a condition the certified query does not have: the parser reads it.
    const boston = readIntent("in-person calls by territory, last quarter for Boston", now, null, context);
    expect(boston).toMatchObject({ kind: "analytics" });
    expect(boston).not.toHaveProperty("certified");
    // A follow-on to a certified question is a new question, not the certified one.
    const again = readIntent("same thing for last month", now, null, { ...context, previous: "weekly call report" });
    expect(again).not.toHaveProperty("certified");
  });
});
