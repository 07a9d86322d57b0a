// Answers for the two documents the copilot prepares: the call brief and the outreach draft. Figures are the tool's,
// each with its source; the draft is shown with what compliance flagged and the consent it rests on.
import type { DraftOutreachOutput } from "../../tools/draft-outreach";
import type { PrepareCallBriefOutput } from "../../tools/prepare-call-brief";
import { cite, count, percent, usd } from "./words";

export function briefAnswer(output: PrepareCallBriefOutput): string {
  if (output.status !== "ok") return output.message;
  const b = output;
  const place = [b.hcp.city, b.hcp.state].filter(Boolean).join(", ");
  const last = b.lastInteraction
    ? `Your last interaction: ${b.lastInteraction.date} (${b.lastInteraction.channel.replace("_", " ")})${b.lastInteraction.notes ? ` — “${b.lastInteraction.notes}”` : ""} ${cite(b.lastInteraction.source)}`
    : "You have no interaction with this physician on record.";
  const section = (title: string, lines: string[], empty: string) => [
    "",
    `**${title}**`,
    ...(lines.length ? lines : [`- ${empty}`]),
  ];
  const payments = b.payments.records
    ? [
        `- ${usd(b.payments.total)} in ${count(b.payments.records)} payments${b.payments.latestYear ? `; ${usd(b.payments.latestYearAmount)} in ${b.payments.latestYear}` : ""} ${cite(b.payments.source)}`,
        ...b.payments.topManufacturers.map((m) => `  - ${m.manufacturer}: ${usd(m.amount)}`),
      ]
    : [];
  return [
    `**Call brief: [${b.hcp.name}${b.hcp.credential ? `, ${b.hcp.credential}` : ""}](${b.hcp.link})** — NPI ${b.hcp.npi}${b.hcp.specialty ? ` · ${b.hcp.specialty}` : ""}${place ? ` · ${place}` : ""} · as of ${b.asOf}`,
    "",
    last,
    ...section(
      "What changed",
      b.changes.map((c) => `- ${c.text} ${cite(c.source)}`),
      "Nothing new since your last interaction.",
    ),
    ...section(
      "Prescribing in your markets",
      b.prescribing.map((m) => `- ${m.text} ${cite(m.source)}`),
      "No Part D claims in your markets on record.",
    ),
    ...section("Payments", payments, "No Open Payments on record."),
    ...section(
      "Consent",
      b.consent.map(
        (c) =>
          `- ${c.channel}${c.product ? ` for ${c.product}` : ""}: **${c.status}** on ${c.recordedAt} ${cite(c.source)}`,
      ),
      "No consent recorded: do not email until consent is captured.",
    ),
    ...section(
      "Open tasks",
      b.openTasks.map(
        (t) =>
          `- ${t.title}${t.dueDate ? `, due ${t.dueDate}` : ""}${t.overdue ? " — **overdue**" : ""} ${cite(t.source)}`,
      ),
      "None.",
    ),
    ...section(
      "Last notes",
      b.lastNotes.map(
        (n) =>
          `- ${n.date}, ${n.by}: ${n.notes ? `“${n.notes}”` : "(no notes)"}${n.followUp ? ` · follow-up: ${n.followUp}` : ""} ${cite(n.source)}`,
      ),
      "None.",
    ),
    ...section(
      "Talking points",
      b.talkingPoints.map((p) => `- ${p.text} ${cite(p.source)}`),
      "None from the data on record.",
    ),
    ...section(
      "Next actions",
      b.nextActions.map(
        (a) =>
          `- ${a.action.replace("_", " ")}${a.subject ? `: ${a.subject}` : ""} · confidence ${percent(a.confidence)} — ${a.reasons.map((r) => r.text).join("; ")}`,
      ),
      "None suggested.",
    ),
  ].join("\n");
}

export function draftAnswer(output: DraftOutreachOutput): string {
  if (output.status !== "drafted") return output.message;
  const d = output;
  const compliance = d.compliance.passed
    ? "**Compliance:** passed — no banned phrases, promises or unapproved claims found."
    : [
        "**Compliance:** needs changes before use:",
        ...d.compliance.flags.map((f) => `- “${f.sentence}” — ${f.reason}`),
      ].join("\n");
  return [
    `Draft ${d.purpose.replace("_", " ")} email to **${d.hcpName}**${d.product ? ` about ${d.product.name}` : ""} — saved as a draft, not sent.`,
    "",
    `**Subject:** ${d.subject}`,
    "",
    d.body
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n"),
    "",
    compliance,
    "",
    `Email consent on record since ${d.consent.recordedAt}${d.consent.coversAllProducts ? " (all products)" : ""} ${cite(d.consent.source)}.`,
    ...(d.claimsUsed.length
      ? [
          "",
          "Approved claims quoted:",
          ...d.claimsUsed.map((c) => `- “${c.text}”${c.reference ? ` (${c.reference})` : ""}`),
        ]
      : []),
  ].join("\n");
}
