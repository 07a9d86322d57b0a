// The org's certified questions: its standard questions, saved and certified by a manager or admin. Asked in their
// own words — the title, give or take "show me", "please", case and punctuation — the copilot runs the certified
// query as it stands, before its own reading. Only the whole title counts: "<title> for Boston" says something the
// certified query does not, so it is read as a new question.
import type { CertifiedQuestion } from "@pharmacrm/domain";

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
const ASKING =
  /^(?:(?:please|can you|could you|pls)\s+)?(?:(?:show|give|get|pull up|run|open|tell)(?: me| us)?\s+|what (?:is|are|were|was)\s+|whats\s+)?(?:(?:the|our|my)\s+)?(?:certified\s+(?:question|report)\s+)?/;

export function certifiedAsked(text: string, certified: readonly CertifiedQuestion[]): CertifiedQuestion | null {
  const said = normal(text)
    .replace(/\s+please$/, "")
    .replace(ASKING, "")
    .trim();
  if (said.split(" ").length < 2) return null;
  return certified.find((q) => normal(q.title).replace(ASKING, "").trim() === said) ?? null;
}
