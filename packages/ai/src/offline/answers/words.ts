// The offline engine's fixed words (help, not understood, which one?) and the formatting every answer shares:
// numbers, money, dates and the source line each figure carries.
import type { Role } from "@pharmacrm/domain";

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

const REP_CAPABILITIES = [
  "**Prepare a call** — “prep me for my call with Dr Chen”",
  "**Look up a physician** — “who is Dr Patel?”, “what does 1234567893 prescribe?”",
  "**Find physicians** — “cardiologists in Boston writing Eliquis”, “my top Eliquis writers”, “which of my doctors haven't I seen in 60 days?”",
  "**Draft an email** — “draft a follow-up email to Dr Smith about Eliquis”",
  "**Next-best actions** — “who should I call this week?”",
  "**Log a call** — “log a call with Dr Kim today, discussed Eliquis, left 2 samples, follow up next Tuesday”",
  "**Consent, tasks and accounts** — “Dr Kim gave email consent for Eliquis”, “what are my open tasks?”, “mark the formulary task done”, “set Dr Kim's tier to A”",
  "**Your calls** — “how many calls did I log last month?”",
  "You approve every change before anything is saved.",
];

const MANAGER_CAPABILITIES = [
  "**Look up a physician** — “who is Dr Patel?”, “what does Dr Chen prescribe?”",
  "**Find physicians** — “cardiologists in Boston writing Eliquis”, “top 10 Eliquis writers near Boston”",
  "**Next-best actions** — “where should I focus today?”",
  "**Your tasks** — “what are my open tasks?”",
];

const ADMIN_CAPABILITIES = [
  "**Prepare a call** — “prep me for my call with Dr Chen”",
  "**Look up a physician** — “who is Dr Patel?”",
  "**Find physicians** — “endocrinologists near New York”",
  "**Admin work** — imports, users, audit trail: I point you to the right screen",
];

export const capabilitiesOf = (role: Role = "rep") =>
  role === "manager" ? MANAGER_CAPABILITIES : role === "admin" ? ADMIN_CAPABILITIES : REP_CAPABILITIES;

/** The capability list as markdown bullets. */
const bullets = (role?: Role) => capabilitiesOf(role).map((c) => `- ${c}`);

export function helpText(role?: Role): string {
  return [
    "I am the built-in copilot. I work on your CRM data and the CMS reference data. I can:",
    "",
    ...bullets(role),
  ].join("\n");
}

export function unknownText(reason: string, role?: Role): string {
  return [`I did not understand that. ${reason}`, "", "Here is what I can do:", "", ...bullets(role)].join("\n");
}

/** A numbers question the analytics model cannot answer yet: said plainly, with what it can answer. */
export function analyticsText(missing: string | null, role?: Role, why?: string | null): string {
  if (why)
    return [
      `I cannot give a number for ${missing}: ${why}. I did not guess one.`,
      "",
      "Meanwhile I can:",
      "",
      ...bullets(role),
    ].join("\n");
  return [
    `That is an analytics question about ${missing ?? "a measure"} the analytics model does not hold yet, so I did not guess a number. It answers questions about calls — how many, details, samples dropped, HCPs reached and call frequency, by rep, territory, region, product, channel, specialty, state, tier, segment or decile, over any period (“calls per rep in my region last quarter”) — and about Medicare Part D prescribing of the HCPs in your territories — claims, market claims, market share, writers and new writers, by data year (“Eliquis market share trend for the Northeast”, “top 10 HCPs by Farxiga claims”).`,
    "",
    "Meanwhile I can:",
    "",
    ...bullets(role),
  ].join("\n");
}

const SCREEN_LINKS: Record<string, string> = {
  data: "[Data](/admin/data) — imports of NPPES, Part D, Open Payments and NUCC files, and their runs",
  audit: "[Audit trail](/admin/audit) — who changed what, and when",
  users: "[Users](/admin/users) — people, roles and sign-in",
  territories:
    "none yet for territories and ZIP alignment: they come from the organisation's set-up, and [Data](/admin/data) shows the ZIP reference data they use",
  products:
    "none yet for products, markets and approved claims: they come from the organisation's set-up; [Data](/admin/data) shows the Part D data behind the markets",
};

export function adminText(screen: string | null): string {
  const link = screen ? SCREEN_LINKS[screen] : null;
  return link
    ? `That is admin work, done on its screen rather than in chat: ${link}.`
    : `That is admin work, done on the admin screens rather than in chat: ${Object.values(SCREEN_LINKS).slice(0, 3).join("; ")}.`;
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
