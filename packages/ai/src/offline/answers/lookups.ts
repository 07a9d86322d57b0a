// Answers for the read tools whose results are lists or a profile: search, the 360 profile and next-best actions.
// Every figure is copied from the tool result with its source.
import type { GetPhysicianProfileOutput, PhysicianProfile } from "../../tools/get-physician-profile";
import type { NextBestActionsOutput } from "../../tools/next-best-actions";
import type { SearchPhysiciansOutput } from "../../tools/search-physicians";
import { cite, count, hitLine, percent, signedPercent, sourceOf, usd } from "./words";

export function searchAnswer(output: SearchPhysiciansOutput): string {
  if (output.status !== "ok") return output.message;
  const understood = output.understood.length
    ? `I searched for ${output.understood.join(", ")}.`
    : `I searched for “${output.query}”.`;
  if (output.results.length === 0)
    return [
      understood,
      "",
      "No physician matched. Try fewer words, a nearby city or a specialty.",
      ...output.notices,
    ].join("\n");
  const total = `${count(output.total)}${output.totalIsLowerBound ? "+" : ""}`;
  return [
    `${understood} ${total} physician${output.total === 1 ? "" : "s"} matched; the best ${output.results.length}:`,
    "",
    ...output.results.map((hit, i) => `${i + 1}. ${hitLine(hit)}${hit.explanation ? ` — ${hit.explanation}` : ""}`),
    "",
    `_(${output.sources.map(sourceOf).join("; ")})_`,
    ...output.notices.map((n) => `> ${n}`),
  ].join("\n");
}

type Focus = "overview" | "prescribing" | "payments" | "history" | "consent";

function drugTrendLines(p: PhysicianProfile): string[] {
  const trend = p.drugTrend!;
  if (trend.years.length === 0) return [`- No Part D claims of ${trend.drug} on record.`];
  return trend.years.map((y, i) => {
    const before = trend.years[i - 1];
    const change =
      before && before.year === y.year - 1 && before.claims > 0
        ? ` (${signedPercent((y.claims - before.claims) / before.claims)} on ${before.year})`
        : "";
    return `- ${y.year}: ${count(y.claims)} ${trend.drug} claims${change} ${cite(y.source)}`;
  });
}

function prescribingLines(p: PhysicianProfile): string[] {
  if (p.topDrugs.length === 0) return ["- No Part D prescribing on record."];
  return [
    ...p.topDrugs.map(
      (d) =>
        `- ${d.brandName} (${d.genericName}): ${count(d.claims)} claims${d.change != null ? ` (${signedPercent(d.change)} on the year before)` : ""}${d.isOwn ? " — your product" : ""} ${cite(d.source)}`,
    ),
    ...p.markets.map(
      (m) =>
        `- Market ${m.name}: ${count(m.marketClaims)} claims, your share ${m.share != null ? percent(m.share) : "unknown"} ${cite(m.source)}`,
    ),
  ];
}

function paymentLines(p: PhysicianProfile): string[] {
  if (p.payments.records === 0) return [`- No Open Payments on record ${cite(p.payments.source)}.`];
  return [
    `- ${usd(p.payments.total)} in ${count(p.payments.records)} payments ${cite(p.payments.source)}`,
    ...p.payments.byManufacturer.map((m) => `  - ${m.manufacturer}: ${usd(m.amount)} (${count(m.records)})`),
  ];
}

function historyLines(p: PhysicianProfile): string[] {
  const calls = p.lastInteractions.map(
    (i) =>
      `- ${i.date}, ${i.channel.replace("_", " ")} by ${i.by}${i.products.length ? ` (${i.products.join(", ")})` : ""}${i.notes ? `: “${i.notes}”` : ""} ${cite(i.source)}`,
  );
  const tasks = p.openTasks.map(
    (t) => `- Open task: ${t.title}${t.dueDate ? `, due ${t.dueDate}` : ""} (${t.owner}) ${cite(t.source)}`,
  );
  return calls.length || tasks.length
    ? [...calls, ...tasks]
    : ["- No interactions or open tasks on record that you can see."];
}

function consentLines(p: PhysicianProfile): string[] {
  if (p.consent.length === 0) return ["- No consent recorded: do not email until consent is captured."];
  return p.consent.map(
    (c) =>
      `- ${c.channel}${c.product ? ` for ${c.product}` : ""}: **${c.status}** on ${c.recordedAt} ${cite(c.source)}`,
  );
}

export function profileAnswer(output: GetPhysicianProfileOutput, focus: Focus): string {
  if (output.status !== "ok") return output.message;
  const p = output;
  const specialty = p.specialties.find((s) => s.primary)?.name ?? p.specialties[0]?.name ?? "specialty not on record";
  const place = [p.practice.city, p.practice.state].filter(Boolean).join(", ");
  const head = `**[${p.name}${p.credential ? `, ${p.credential}` : ""}](${p.link})** — NPI ${p.npi} · ${specialty}${place ? ` · ${place}` : ""}${p.inMyTerritories ? " · in your territory" : ""} _(NPPES registry)_`;
  const sections: Record<Focus, [string, string[]][]> = {
    overview: [
      ["Prescribing", prescribingLines(p)],
      ["Payments", paymentLines(p)],
      ["Your history", historyLines(p)],
      ["Consent", consentLines(p)],
    ],
    prescribing: p.drugTrend
      ? [[`${p.drugTrend.drug} by year`, drugTrendLines(p)]]
      : [["Prescribing", prescribingLines(p)]],
    payments: [["Payments", paymentLines(p)]],
    history: [["Your history", historyLines(p)]],
    consent: [["Consent", consentLines(p)]],
  };
  return [head, ...sections[focus].flatMap(([title, lines]) => ["", `**${title}**`, ...lines])].join("\n");
}

const ACTION_WORDS: Record<string, string> = {
  call: "Call",
  email: "Email",
  sample: "Offer samples to",
  follow_up: "Follow up with",
};

export function nbaAnswer(output: NextBestActionsOutput): string {
  if (output.status !== "ok") return output.message;
  if (output.suggestions.length === 0)
    return `Nothing to suggest as of ${output.asOf}: none of the ${count(output.considered)} physicians considered has an open opportunity.`;
  return [
    `Next-best actions as of ${output.asOf} (${count(output.considered)} physicians considered):`,
    "",
    ...output.suggestions.map(
      (s, i) =>
        `${i + 1}. **${ACTION_WORDS[s.action] ?? s.action}** [${s.name}](${s.link})${s.subject ? ` — ${s.subject}` : ""} · confidence ${percent(s.confidence)}\n${s.reasons.map((r) => `   - ${r.text}`).join("\n")}`,
    ),
    "",
    `_${output.method}_`,
  ].join("\n");
}
