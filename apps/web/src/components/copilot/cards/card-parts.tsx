import { formatCount, formatMoneyWhole } from "~/components/hcp/figures";
import { formatCalendarDate } from "~/lib/format";
import { channelName } from "~/lib/labels";
import type { ReactNode } from "react";

import { Badge } from "@pharmacrm/ui";

/** A titled block inside a copilot card; renders nothing when it has nothing to say. */
export function CardSection({
  title,
  children,
  empty,
}: {
  title: string;
  children?: ReactNode;
  empty?: string | false;
}) {
  if (!children && !empty) return null;
  return (
    <section className="border-t border-slate-100 px-4 py-2.5 first:border-t-0">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children ?? <p className="text-sm text-slate-500">{empty}</p>}
    </section>
  );
}

export function ConsentBadges({
  consent,
}: {
  consent: { channel: string; product: string | null; status: string; recordedAt: string }[];
}) {
  if (consent.length === 0) return <p className="text-sm text-slate-500">No consent on record.</p>;
  return (
    <div className="flex flex-wrap gap-1.5">
      {consent.map((c) => (
        <Badge
          key={`${c.channel}-${c.product ?? "all"}`}
          tone={c.status === "granted" ? "success" : "danger"}
          title={`Recorded ${formatCalendarDate(c.recordedAt)}`}
        >
          {channelName(c.channel)}
          {c.product ? ` · ${c.product}` : " · all products"}: {c.status}
        </Badge>
      ))}
    </div>
  );
}

export function NoteLine({ note }: { note: { date: string; channel: string; by: string; notes: string | null } }) {
  return (
    <li className="text-sm">
      <span className="text-slate-500">
        {formatCalendarDate(note.date)} · {channelName(note.channel)} · {note.by}
      </span>
      {note.notes ? <p className="text-slate-800">{note.notes}</p> : null}
    </li>
  );
}

/** "$1,250 in 4 payments (… in 2024) — Acme $1,000, Beta $250". */
export function PaymentsLine({
  total,
  records,
  manufacturers,
  latest,
}: {
  total: number;
  records: number;
  manufacturers: { manufacturer: string; amount: number }[];
  latest?: { year: number; amount: number } | null;
}) {
  return (
    <p className="text-sm">
      {formatMoneyWhole(total)} in {formatCount(records)} payments on record
      {latest ? ` (${formatMoneyWhole(latest.amount)} in ${latest.year})` : ""}
      {manufacturers.length > 0
        ? ` — ${manufacturers.map((m) => `${m.manufacturer} ${formatMoneyWhole(m.amount)}`).join(", ")}`
        : ""}
    </p>
  );
}

export function TaskList({
  tasks,
}: {
  tasks: { id: string; title: string; dueDate: string | null; overdue?: boolean; owner?: string }[];
}) {
  return (
    <ul className="grid gap-0.5 text-sm">
      {tasks.map((t) => (
        <li key={t.id}>
          {t.title}{" "}
          <span className="text-slate-500">
            · {t.dueDate ? `due ${formatCalendarDate(t.dueDate)}` : "no due date"}
            {t.owner ? ` · ${t.owner}` : ""}
          </span>{" "}
          {t.overdue ? <Badge tone="danger">overdue</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
