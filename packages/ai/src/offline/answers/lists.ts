// Answers for the person's own lists: tasks (open or overdue) and calls in a period. CRM data, said with its source.
import type { ListCallsOutput } from "../../tools/list-calls";
import type { ListTasksOutput } from "../../tools/tasks";
import { count } from "./words";

export function tasksAnswer(output: ListTasksOutput): string {
  if (output.status !== "ok") return output.message;
  const which = output.filter === "overdue" ? "overdue" : "open";
  if (output.tasks.length === 0)
    return `You have no ${which} tasks${output.filter === "overdue" ? ` (as of ${output.today})` : ""}. _(CRM tasks)_`;
  const overdue = output.tasks.filter((t) => t.overdue).length;
  const head =
    output.filter === "overdue"
      ? `You have ${count(output.tasks.length)} overdue task${output.tasks.length === 1 ? "" : "s"} (due before ${output.today}):`
      : `You have ${count(output.tasks.length)} open task${output.tasks.length === 1 ? "" : "s"}${overdue ? `, ${overdue} overdue` : ""}:`;
  return [
    head,
    "",
    ...output.tasks.map(
      (t) =>
        `- ${t.title}${t.physician && t.link ? ` — [${t.physician}](${t.link})` : ""}${t.dueDate ? ` · due ${t.dueDate}` : " · no due date"}${t.overdue ? " · **overdue**" : ""}`,
    ),
    "",
    "_(CRM tasks)_",
  ].join("\n");
}

const CHANNEL_WORDS: Record<string, string> = {
  in_person: "in person",
  phone: "phone",
  video: "video",
  email: "email",
};

/** "in the last 30 days", "in November", "last month (…)", "since June (…)": the period as a sentence says it. */
const during = (period: string) => (/^(last|this|today|yesterday|since)\b/.test(period) ? period : `in ${period}`);

export function callsAnswer(output: ListCallsOutput, period: string): string {
  if (output.status !== "ok") return output.message;
  const conditions = [
    output.channel ? `${CHANNEL_WORDS[output.channel] ?? output.channel} only` : null,
    output.product ? `about ${output.product}` : null,
    output.npi ? `with NPI ${output.npi}` : null,
  ].filter(Boolean);
  const what = `${conditions.length ? ` (${conditions.join(", ")})` : ""}`;
  if (output.total === 0) return `You logged no calls${what} ${during(period)}. _(CRM interactions)_`;
  const shown = output.calls.length < output.total ? ` The newest ${output.calls.length}:` : "";
  return [
    `You logged **${count(output.total)}** call${output.total === 1 ? "" : "s"}${what} ${during(period)}.${shown}`,
    "",
    ...output.calls.map((c) => {
      const items = [
        c.products.length ? c.products.join(", ") : null,
        c.samples.length ? `samples: ${c.samples.map((s) => `${s.product} ×${s.quantity}`).join(", ")}` : null,
      ].filter(Boolean);
      return `- ${c.occurredAt.slice(0, 10)} · ${CHANNEL_WORDS[c.channel] ?? c.channel} · [${c.physician}](${c.link})${items.length ? ` · ${items.join(" · ")}` : ""}`;
    }),
    "",
    "_(CRM interactions)_",
  ].join("\n");
}
