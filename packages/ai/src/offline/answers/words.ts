// The offline engine's fixed words (help, not understood, which one?) and the formatting every answer shares:
// numbers, money, dates and the source line each figure carries.
import type { PhysicianHit } from "../../tools/search-physicians";

export interface SourceRef {
  table: string;
  period: string | null;
  release?: string | null;
}

const TABLE_NAMES: Record<string, string> = {
  part_d_prescribing: "CMS Part D",
  open_payment: "CMS Open Payments",
  interaction: "CRM interactions",
  consent_record: "CRM consent records",
  task: "CRM tasks",
  hcp: "NPPES registry",
  outreach_draft: "CRM drafts",
};

export const count = (n: number) => n.toLocaleString("en-US");
export const usd = (n: number) =>
  n.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
export const signedPercent = (change: number) =>
  `${change >= 0 ? "+" : "−"}${Math.round(Math.abs(change) * 1000) / 10}%`;

/** "CMS Part D 2023 (release 2025-05)" — where a figure comes from. */
export function sourceOf(source: SourceRef): string {
  const name = TABLE_NAMES[source.table] ?? source.table;
  const period = source.period ? ` ${source.period}` : "";
  const release = source.release ? `, release ${source.release}` : "";
  return `${name}${period}${release}`;
}

export const cite = (source: SourceRef) => `_(${sourceOf(source)})_`;

export const CAPABILITIES = [
  "**Prepare a call** — “prep me for my call with Dr Chen”",
  "**Look up a physician** — “who is Dr Patel?”, “what does 1234567893 prescribe?”",
  "**Find physicians** — “cardiologists in Boston writing Eliquis”",
  "**Draft an email** — “draft a follow-up email to Dr Smith about the dosing data”",
  "**Next-best actions** — “who should I call this week?”",
  "**Log a call or create a task** — “log a call with Dr Kim today, discussed samples” (you approve before anything is saved)",
];

export function helpText(): string {
  return [
    "I am the built-in copilot. I work on your CRM data and the CMS reference data. I can:",
    "",
    ...CAPABILITIES.map((c) => `- ${c}`),
  ].join("\n");
}

export function unknownText(reason: string): string {
  return [
    `I did not understand that. ${reason}`,
    "",
    "Here is what I can do:",
    "",
    ...CAPABILITIES.map((c) => `- ${c}`),
  ].join("\n");
}

export function hitLine(hit: PhysicianHit): string {
  const credential = hit.credential ? `, ${hit.credential}` : "";
  const place = [hit.city, hit.state].filter(Boolean).join(", ");
  const facts = [hit.specialty, place, hit.inMyTerritories ? "in your territory" : null].filter(Boolean).join(" · ");
  return `[${hit.name}${credential}](${hit.link}) — NPI ${hit.npi}${facts ? ` · ${facts}` : ""}`;
}

export function whichOneText(name: string, hits: readonly PhysicianHit[], total: number): string {
  const more = total > hits.length ? ` (${count(total)} match in all; the closest ${hits.length} are below)` : "";
  return [
    `Several physicians match “${name}”${more}. Which one do you mean? Reply with the NPI.`,
    "",
    ...hits.map((hit, i) => `${i + 1}. ${hitLine(hit)}`),
  ].join("\n");
}
