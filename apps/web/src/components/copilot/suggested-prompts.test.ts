import { describe, expect, it } from "vitest";

import { physicianMention, suggestedPrompts } from "./suggested-prompts";

// Every prompt here was checked against the offline engine on the demo data (it reads each into a tool call).
describe("suggested prompts", () => {
  it("offers a rep call prep and a draft for one of their own physicians, then planning and prescribers nearby", () => {
    expect(
      suggestedPrompts({
        role: "rep",
        physician: "Dr Jane Smith",
        emailable: "Dr Raj Patel",
        product: "Alphacor",
        city: "Weymouth",
      }).map((p) => p.prompt),
    ).toEqual([
      "Prep me for my call with Dr Jane Smith",
      "Draft a follow-up email to Dr Raj Patel",
      "What should I do next?",
      "Who writes Alphacor near Weymouth?",
    ]);
  });

  it("suggests a draft only to a physician with email consent in force", () => {
    const prompts = suggestedPrompts({ role: "rep", physician: "Dr Jane Smith", product: null, city: null });
    expect(prompts.map((p) => p.label)).toEqual(["Prepare a call", "Plan", "Capabilities"]);
  });

  it("never names a physician a rep does not have", () => {
    const prompts = suggestedPrompts({ role: "rep", physician: null, product: "Alphacor", city: null }).map(
      (p) => p.prompt,
    );
    expect(prompts).toEqual(["What should I do next?", "What can you do?"]);
  });

  it("gives managers and admins team-level questions", () => {
    expect(
      suggestedPrompts({ role: "manager", physician: "Dr Ann Lee", product: "Alphacor", city: "Lynn" }).map(
        (p) => p.prompt,
      ),
    ).toEqual([
      "Calls per rep in my region last quarter",
      "Where should I focus today?",
      "Who writes Alphacor near Lynn?",
      "Tell me about Dr Ann Lee",
      "List cardiologists who received Open Payments",
      "What can you do?",
    ]);
    expect(
      suggestedPrompts({ role: "admin", physician: null, product: null, city: null }).map((p) => p.prompt),
    ).toEqual([
      "Calls by region last quarter",
      "Where should I focus today?",
      "List cardiologists who received Open Payments",
      "What can you do?",
    ]);
  });

  it("calls MDs and DOs doctor, others by name", () => {
    expect(physicianMention("Jane Smith", "M.D.")).toBe("Dr Jane Smith");
    expect(physicianMention("Sam Roe", "DO")).toBe("Dr Sam Roe");
    expect(physicianMention("Kim Poe", "NP")).toBe("Kim Poe");
    expect(physicianMention("Kim Poe", null)).toBe("Kim Poe");
  });
});
