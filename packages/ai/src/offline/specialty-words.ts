// A specialty said in a numbers question ("my cardiology docs", "calls to PCPs", "endocrinologists in Boston"): the
// physician search's own words (its lay terms and the NUCC names they stand for), read as the analytics condition
// "Specialty is …", which the compiler widens to the same NUCC names. A word that names a body part or a disease
// ("heart", "blood", "cancer") is a specialty only before a word for physicians ("heart doctors", "cancer docs").
import { specialtySynonyms } from "@pharmacrm/domain";

// Names of a field or of its physicians ("cardiology", "oncologist", "pediatrics", "psychiatry", "internal medicine").
const FIELD = /(ology|ologist|ician|iatrist|iatry|ics|ist|medicine|surgeon|disease|care|pcp|gp|gyn)$/;
const PHYSICIANS =
  "(?:doctors?|docs?|drs?|physicians?|hcps?|specialists?|prescribers?|writers?|providers?|targets?|accounts?|practices?|offices?)";

// Short forms people type for a field, read as the field ("endos", "peds", "rheum docs").
const SHORT = /^(endos?|psych|neuro|onc|derms?|pulm|nephro|p(a)?eds|rheum)$/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Each term the search knows (lay terms and NUCC names), the value it is kept as, longest first. */
const TERMS = (() => {
  const terms = new Map<string, string>();
  for (const [term, names] of Object.entries(specialtySynonyms)) {
    terms.set(term, term);
    for (const name of names) if (!terms.has(name.toLowerCase())) terms.set(name.toLowerCase(), name);
  }
  return [...terms]
    .sort(([a], [b]) => b.length - a.length)
    .map(([term, value]) => {
      const words = escape(term).replace(/ /g, "\\s+");
      const strong = term.includes(" ") || FIELD.test(term) || SHORT.test(term);
      // Plurals as people type them: "cardiologists", "pcps", "pediatricians".
      const pattern = strong ? `\\b${words}s?\\b` : `\\b${words}\\s+${PHYSICIANS}\\b`;
      return { pattern: new RegExp(pattern), value };
    });
})();

/** The one-word names of a field or its physicians, and their plurals, for the typo corrector ("cardiolgy"). */
export const SPECIALTY_WORDS: readonly string[] = [
  ...new Set(
    [...Object.entries(specialtySynonyms).flatMap(([term, names]) => [term, ...names.map((n) => n.toLowerCase())])]
      .filter((term) => !term.includes(" ") && term.length >= 8 && FIELD.test(term))
      .flatMap((term) => (/(ist|ian)$/.test(term) ? [term, `${term}s`] : [term])),
  ),
];

/** The specialties a question names, as the terms the search and the compiler read; none when it names none. */
export function specialtiesOf(text: string): string[] {
  let rest = text;
  const found: string[] = [];
  for (const { pattern, value } of TERMS) {
    if (!pattern.test(rest)) continue;
    found.push(value);
    // "pediatric cardiology" is read once, not also as "cardiology".
    rest = rest.replace(new RegExp(pattern.source, "g"), " ");
  }
  return found;
}

/** The question with each specialty said as "hcps" ("how many endos did I see" → "how many hcps did I see"). */
export function specialtiesAsHcps(text: string): string {
  let rest = text;
  for (const { pattern } of TERMS) rest = rest.replace(new RegExp(pattern.source, "g"), "hcps");
  return rest;
}
