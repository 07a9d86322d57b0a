import { describe, expect, it } from "vitest";

import { checkDraft, sentencesOf, type ComplianceRules } from "./check-draft";

const rules: ComplianceRules = {
  bannedPhrases: ["game changer"],
  approvedClaims: new Map([
    ["Alphacor", ["Alphacor reduced the risk of stroke in patients with nonvalvular atrial fibrillation."]],
    ["Betavent", []],
  ]),
};

describe("checkDraft", () => {
  it("passes a draft that only quotes approved claims and describes no outcome", () => {
    const draft = [
      "Dear Dr. Chen,",
      "Thank you for your time on Tuesday.",
      "As discussed, Alphacor reduced the risk of stroke in patients with nonvalvular atrial fibrillation.",
      "I would be glad to bring the full prescribing information on my next visit.",
    ].join("\n");
    expect(checkDraft(draft, rules)).toEqual({ passed: true, flags: [] });
  });

  it("flags the org's banned phrases and the built-in ones, quoting the sentence", () => {
    const result = checkDraft("Alphacor is a game changer. It has no side effects at all.", rules);
    expect(result.passed).toBe(false);
    expect(result.flags).toContainEqual({
      kind: "banned_phrase",
      sentence: "Alphacor is a game changer.",
      reason: 'uses the banned phrase "game changer"',
    });
    expect(result.flags).toContainEqual({
      kind: "banned_phrase",
      sentence: "It has no side effects at all.",
      reason: 'uses the banned phrase "no side effects"',
    });
  });

  it("flags promises of outcome and offers tied to prescribing", () => {
    const result = checkDraft(
      "Your patients will prevent strokes. If you prescribe it, dinner is on us. Results guaranteed!",
      rules,
    );
    expect(result.flags.map((f) => f.reason)).toEqual([
      "promises a clinical outcome",
      "ties an offer to prescribing",
      "promises a guaranteed outcome",
    ]);
  });

  it("flags a product claim that is not an approved claim (the off-label case)", () => {
    const result = checkDraft("Alphacor also works well for migraine prevention.", rules);
    expect(result.flags).toEqual([
      {
        kind: "unapproved_claim",
        sentence: "Alphacor also works well for migraine prevention.",
        reason: "says what Alphacor does in words that are not an approved claim",
      },
    ]);
  });

  it("flags any claim for a product without approved claims, but not a mere mention", () => {
    expect(checkDraft("Betavent lowers blood pressure.", rules).flags[0]?.reason).toBe(
      "Betavent has no approved claims to quote",
    );
    expect(checkDraft("I can leave Betavent samples with your nurse.", rules).passed).toBe(true);
  });
});

describe("sentencesOf", () => {
  it("splits on sentence ends and line breaks, not after a title", () => {
    expect(sentencesOf("Hello Dr. Kim. Thanks! See you soon?\nBest")).toEqual([
      "Hello Dr. Kim.",
      "Thanks!",
      "See you soon?",
      "Best",
    ]);
  });
});

describe("checkDraft for a draft about one product", () => {
  const two: ComplianceRules = {
    bannedPhrases: [],
    approvedClaims: new Map([
      ["Alphacor", ["Alphacor reduced the risk of stroke in patients with nonvalvular atrial fibrillation."]],
      ["Betavent", ["Betavent improved lung function at 12 weeks in adults with COPD."]],
    ]),
  };

  it("fails a sentence naming another of the org's products", () => {
    const result = checkDraft("Subject: Alphacor webinar\nI also wanted to mention Betavent.", two, "Alphacor");
    expect(result).toEqual({
      passed: false,
      flags: [
        {
          kind: "other_product",
          sentence: "I also wanted to mention Betavent.",
          reason: "names Betavent in an email about Alphacor",
        },
      ],
    });
  });

  it("fails another product's approved claim quoted without its name", () => {
    const result = checkDraft("It improved lung function at 12 weeks in adults with COPD.", two, "Alphacor");
    expect(result.flags.map((f) => [f.kind, f.reason])).toEqual([
      ["other_product", "quotes a claim approved for Betavent, not Alphacor"],
    ]);
  });

  it("passes the product's own approved claim, and any product when the draft is about none", () => {
    const own = "As discussed, Alphacor reduced the risk of stroke in patients with nonvalvular atrial fibrillation.";
    expect(checkDraft(own, two, "Alphacor").passed).toBe(true);
    expect(checkDraft("I also wanted to mention Betavent.", two).passed).toBe(true);
  });
});
