import { describe, expect, it } from "vitest";
import { physicianMention, suggestedPrompts } from "./suggested-prompts";

describe("suggested prompts", () => {
  it("offers a rep call prep and a draft for one of their own physicians, then planning and prescribers", () => {
    expect(suggestedPrompts({ role: "rep", physician: "Dr Jane Smith", product: "Alphacor" }).map((p) => p.prompt)).toEqual([
      "Prep me for my call with Dr Jane Smith",
      "Draft a follow-up email to Dr Jane Smith",
      "What should I do next?",
      "Who writes Alphacor in my territory?",
    ]);
  });

  it("never names a physician a rep does not have", () => {
    const prompts = suggestedPrompts({ role: "rep", physician: null, product: null }).map((p) => p.prompt);
    expect(prompts).toEqual(["What should I do next?", "Find cardiologists in my territory"]);
  });

  it("gives managers and admins team-level questions", () => {
    expect(suggestedPrompts({ role: "manager", physician: null, product: "Alphacor" }).map((p) => p.prompt)).toEqual([
      "Who should my team call this week?",
      "Who writes Alphacor the most?",
      "Cardiologists who received Open Payments",
      "What can you do?",
    ]);
    expect(suggestedPrompts({ role: "admin", physician: "Dr Ann Lee", product: null })[0]!.prompt).toBe("Where should we focus this week?");
  });

  it("calls MDs and DOs doctor, others by name", () => {
    expect(physicianMention("Jane Smith", "M.D.")).toBe("Dr Jane Smith");
    expect(physicianMention("Sam Roe", "DO")).toBe("Dr Sam Roe");
    expect(physicianMention("Kim Poe", "NP")).toBe("Kim Poe");
    expect(physicianMention("Kim Poe", null)).toBe("Kim Poe");
  });
});
