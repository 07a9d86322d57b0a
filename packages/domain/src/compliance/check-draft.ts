// Compliance review of an outreach draft before a rep sees it: banned phrases, promises and absolutes, and product
// claims that are not among the org's approved claims for that product (the usual shape of an off-label or
// unsupported claim). Deterministic and explainable: each flag quotes the sentence and says why.

export type ComplianceFlagKind = "banned_phrase" | "promise" | "unapproved_claim" | "other_product";

export interface ComplianceFlag {
  kind: ComplianceFlagKind;
  /** The sentence as written in the draft. */
  sentence: string;
  /** Why, in words a rep understands. */
  reason: string;
}

export interface ComplianceRules {
  /** The org's banned phrases, added to the built-in list. */
  bannedPhrases: readonly string[];
  /** Per product name (any case): the claims the org approved for it, word for word. */
  approvedClaims: ReadonlyMap<string, readonly string[]>;
}

export interface ComplianceResult {
  passed: boolean;
  flags: ComplianceFlag[];
}

/** Phrases no promotional message may use, whatever the org adds. */
export const BUILT_IN_BANNED = [
  "no side effects",
  "completely safe",
  "risk-free",
  "risk free",
  "miracle",
  "cure-all",
  "best drug",
  "safest",
  "off-label",
];

// Promises of outcome and absolutes: a field message may describe data, never guarantee results.
const PROMISES: [RegExp, string][] = [
  [/\bguarantee[sd]?\b/i, "promises a guaranteed outcome"],
  [/\b100\s?%/i, "states a 100 % figure as a certainty"],
  [/\bwill (cure|eliminate|prevent|stop|fix)\b/i, "promises a clinical outcome"],
  [/\b(always|never) (works?|fails?)\b/i, "makes an absolute claim"],
  [/\b(free|discount(ed)?) (trip|dinner|gift)s?\b/i, "offers something of value in return for prescribing"],
  [/\bif you (prescribe|write)\b/i, "ties an offer to prescribing"],
];

// A sentence that says what a product does: the kind of statement that must be an approved claim.
const CLAIM_VERB =
  /\b(reduc|lower|improv|treat|prevent|cur|work|help|outperform|better|superior|faster|effective|approved for|indicated for|safe)\w*\b/i;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9%\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2);

/** How much of the sentence's wording an approved claim covers (0–1). */
function coverage(sentence: string, claim: string): number {
  const said = new Set(words(sentence));
  const approved = new Set(words(claim));
  if (said.size === 0 || approved.size === 0) return 0;
  let shared = 0;
  for (const w of said) if (approved.has(w)) shared++;
  return shared / said.size;
}

export const sentencesOf = (text: string): string[] =>
  text
    // A full stop after a title or "e.g." does not end a sentence.
    .split(/(?<=[.!?])(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|e\.g|i\.e)\.)\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `product`: what the draft is about. A sentence that names another of the org's products, or quotes a claim
 * approved for another product, is flagged: an email about one product must not promote another.
 */
export function checkDraft(text: string, rules: ComplianceRules, product: string | null = null): ComplianceResult {
  const flags: ComplianceFlag[] = [];
  const banned = [
    ...new Set([...BUILT_IN_BANNED, ...rules.bannedPhrases].map((p) => p.trim().toLowerCase()).filter(Boolean)),
  ];
  const products = [...rules.approvedClaims.keys()];

  for (const sentence of sentencesOf(text)) {
    for (const phrase of banned) {
      if (new RegExp(`(^|\\W)${escape(phrase)}(\\W|$)`, "i").test(sentence)) {
        flags.push({ kind: "banned_phrase", sentence, reason: `uses the banned phrase "${phrase}"` });
      }
    }
    for (const [pattern, reason] of PROMISES) {
      if (pattern.test(sentence)) flags.push({ kind: "promise", sentence, reason });
    }
    const named = products.find((name) => new RegExp(`(^|\\W)${escape(name)}(\\W|$)`, "i").test(sentence));
    const about = product?.toLowerCase();
    if (about && named && named.toLowerCase() !== about) {
      flags.push({ kind: "other_product", sentence, reason: `names ${named} in an email about ${product}` });
      continue;
    }
    const otherClaim = about
      ? products.find(
          (name) =>
            name.toLowerCase() !== about &&
            (rules.approvedClaims.get(name) ?? []).some(
              (claim) => coverage(sentence, claim.replace(new RegExp(escape(name), "ig"), "")) >= 0.6,
            ),
        )
      : undefined;
    if (otherClaim && CLAIM_VERB.test(sentence)) {
      flags.push({
        kind: "other_product",
        sentence,
        reason: `quotes a claim approved for ${otherClaim}, not ${product}`,
      });
      continue;
    }
    if (named && CLAIM_VERB.test(sentence)) {
      const approved = rules.approvedClaims.get(named) ?? [];
      const best = Math.max(
        0,
        ...approved.map((claim) => coverage(sentence.replace(new RegExp(escape(named), "ig"), ""), claim)),
      );
      if (best < 0.6) {
        flags.push({
          kind: "unapproved_claim",
          sentence,
          reason:
            approved.length === 0
              ? `${named} has no approved claims to quote`
              : `says what ${named} does in words that are not an approved claim`,
        });
      }
    }
  }
  return { passed: flags.length === 0, flags };
}
