// Where the team should focus, written only from the tool's result: each rep's biggest gap and the top-decile HCPs
// behind it, most pressing first, with the three figures measured for everyone and what they mean.
import type { TeamFocusOutput } from "../../tools/team-focus";

export function teamFocusAnswer(output: TeamFocusOutput): string {
  if (output.status !== "ok") return output.message;
  if (output.reps.length === 0)
    return "There are no active reps with territories in what you may see, so there is no team to focus.";
  const lines = output.reps.map((r) => {
    const who = `**${r.rep}** (${r.territories.join(", ")})`;
    const hcps = r.hcps.length
      ? ` Call first: ${r.hcps
          .map(
            (h) =>
              `[${h.name}](/physicians/${h.npi}) (decile ${h.decile}, ${h.lastCall ? `last call ${h.lastCall}` : "never called"})`,
          )
          .join(", ")}.`
      : "";
    const figures = `${r.unseen}/${r.targets} top-decile HCPs unseen in 60 days · calls ${r.calls.recent} (4 weeks) vs ${r.calls.before} (4 before) · ${r.overdueTasks} overdue tasks`;
    return `- ${who}: ${r.gap.text}${hcps}\n  _${figures}_`;
  });
  return [
    `Where your team should focus, as of ${output.asOf} (most pressing first):`,
    "",
    ...lines,
    "",
    `_${output.definitions.join(" ")}_`,
  ].join("\n");
}
