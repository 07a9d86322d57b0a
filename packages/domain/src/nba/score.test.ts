import { describe, expect, it } from "vitest";

import { rankSuggestions, suggestFor, volumeRanks, type HcpSignals } from "./score";

const base: HcpSignals = {
  npi: "1000000001",
  name: "Ana Ortiz, MD",
  year: 2023,
  marketClaims: 400,
  priorMarketClaims: 300,
  ownClaims: 40,
  priorOwnClaims: 60,
  sampleProduct: "Alphacor",
  daysSinceLastInteraction: 90,
  openTasks: 0,
  overdueTasks: 0,
  overdueTaskTitle: null,
  emailConsent: null,
  paymentsUsd: 0,
  paymentsYear: null,
  paymentManufacturers: 0,
};
const hcp = (over: Partial<HcpSignals>): HcpSignals => ({ ...base, ...over });

describe("volumeRanks", () => {
  it("ranks by market claims: the top gets 1, no claims 0, ties share a rank", () => {
    const ranks = volumeRanks([
      hcp({ npi: "a", marketClaims: 100 }),
      hcp({ npi: "b", marketClaims: 100 }),
      hcp({ npi: "c", marketClaims: 400 }),
      hcp({ npi: "d", marketClaims: null }),
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 0.75, b: 0.75, c: 1, d: 0 });
  });
});

describe("suggestFor", () => {
  it("explains every point of a call with its figure and source, and sums them", () => {
    const [call] = suggestFor(base, 1);
    expect(call!.action).toBe("call");
    expect(call!.reasons.map((r) => r.text)).toEqual([
      "400 claims in your markets (Part D 2023), at or above 100% of your HCPs",
      "your share is 10% of their market claims (Part D 2023)",
      "market claims up 33% on 2022",
      "your share fell from 20% to 10%",
      "last interaction 90 days ago",
    ]);
    expect(call!.score).toBe(call!.reasons.reduce((sum, r) => Math.round((sum + r.points) * 10) / 10, 0));
    expect(call!.confidence).toBe(1);
  });

  it("offers email only with email consent granted, and never when it was revoked", () => {
    expect(suggestFor(hcp({ emailConsent: "granted" }), 1).map((s) => s.action)).toContain("email");
    expect(suggestFor(hcp({ emailConsent: "revoked" }), 1).map((s) => s.action)).not.toContain("email");
    expect(suggestFor(hcp({ emailConsent: null }), 1).map((s) => s.action)).not.toContain("email");
  });

  it("offers a sample of a sampleable product only while the org's share is under half", () => {
    expect(suggestFor(base, 1).find((s) => s.action === "sample")?.subject).toBe("Alphacor");
    expect(suggestFor(hcp({ ownClaims: 300 }), 1).map((s) => s.action)).not.toContain("sample");
    expect(suggestFor(hcp({ sampleProduct: null }), 1).map((s) => s.action)).not.toContain("sample");
  });

  it("suggests no visit to an HCP seen in the last two weeks, but still the overdue follow-up", () => {
    const actions = suggestFor(
      hcp({ daysSinceLastInteraction: 3, overdueTasks: 2, overdueTaskTitle: "Send renal study" }),
      1,
    );
    expect(actions.map((s) => s.action)).toEqual(["follow_up"]);
    expect(actions[0]!.reasons[0]!.text).toBe('2 overdue tasks, oldest: "Send renal study"');
    expect(actions[0]!.subject).toBe("Send renal study");
  });

  it("lowers confidence when the evidence is missing (no prior year, no interaction history)", () => {
    const [call] = suggestFor(
      hcp({ priorMarketClaims: null, priorOwnClaims: null, daysSinceLastInteraction: null }),
      1,
    );
    expect(call!.reasons.map((r) => r.text)).toContain("no interaction on record");
    expect(call!.confidence).toBe(0.6);
  });

  it("mentions Open Payments with amount, manufacturers and year", () => {
    const [call] = suggestFor(hcp({ paymentsUsd: 1234.5, paymentsYear: 2024, paymentManufacturers: 3 }), 1);
    expect(call!.reasons.map((r) => r.text)).toContain("received $1,235 from 3 manufacturers (Open Payments 2024)");
  });

  it("has nothing to suggest for an HCP with no market claims seen last week", () => {
    expect(suggestFor(hcp({ marketClaims: null, priorMarketClaims: null, daysSinceLastInteraction: 7 }), 0)).toEqual(
      [],
    );
  });
});

describe("rankSuggestions", () => {
  it("puts the high-volume, long-unseen HCP first and caps suggestions per HCP", () => {
    const ranked = rankSuggestions(
      [
        hcp({
          npi: "small",
          marketClaims: 20,
          priorMarketClaims: 20,
          ownClaims: 0,
          priorOwnClaims: 0,
          daysSinceLastInteraction: 40,
        }),
        hcp({ npi: "big", emailConsent: "granted" }),
      ],
      { limit: 10, perHcp: 2 },
    );
    expect(ranked[0]!.npi).toBe("big");
    expect(ranked.filter((s) => s.npi === "big")).toHaveLength(2);
    expect(ranked.map((s) => s.score)).toEqual([...ranked.map((s) => s.score)].sort((a, b) => b - a));
  });
});
