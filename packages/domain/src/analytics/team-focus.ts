// Where a team should focus: for each rep in the viewer's scope, three gaps measured the same way for everyone —
// top-decile HCPs (deciles 8–10) in their territories not called in 60 days, calls in the last four weeks against the
// four before, and overdue tasks — the biggest of them named, with the HCPs behind it. Three grouped queries over the
// whole team, so it stays fast however many reps a region has.
import { sql } from "drizzle-orm";

import { interaction, rowsOf, task, type Db } from "@pharmacrm/db";

import { displayName } from "../hcp/names";
import { visibleTenantRow, type Scope } from "../scope";
import { alignedHcps } from "./fact";
import { repsInScope } from "./reps";

export const UNSEEN_DAYS = 60;
/** A rep with no call for this long has stopped calling, whatever the four weeks add up to. */
const STOPPED_DAYS = 14;
const WEEKS = 4;
const TOP_DECILE = 8;

export interface RepFocus {
  repId: string;
  rep: string;
  territories: string[];
  /** Top-decile HCPs aligned to their territories, and those not called (by anyone in the org) in 60 days. */
  targets: number;
  unseen: number;
  calls: { recent: number; before: number };
  /** The day of the rep's last call in the last eight weeks (null: none). */
  lastCall: string | null;
  overdueTasks: number;
  gap: { kind: "stopped" | "calls" | "coverage" | "tasks" | "none"; text: string };
  /** The top-decile HCPs not seen longest, highest decile first: who to call. */
  hcps: { npi: string; name: string; decile: number; lastCall: string | null }[];
}

export interface TeamFocus {
  asOf: string;
  reps: RepFocus[];
  definitions: string[];
}

const day = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const percent = (n: number) => `${Math.round(n * 100)} %`;

/** The biggest gap, in words: a rep who stopped calling comes first; otherwise the largest of the three, scaled. */
function gapOf(r: Omit<RepFocus, "gap" | "hcps">, today: string): RepFocus["gap"] {
  const { recent, before } = r.calls;
  if (recent === 0 && before > 0)
    return { kind: "stopped", text: `No calls in the last ${WEEKS} weeks (${before} in the ${WEEKS} before).` };
  const quiet = r.lastCall ? Math.round((Date.parse(today) - Date.parse(r.lastCall)) / day) : 0;
  if (quiet >= STOPPED_DAYS)
    return { kind: "stopped", text: `No calls in the last ${quiet} days (the last on ${r.lastCall}).` };
  const drop = before > 0 ? (before - recent) / before : 0;
  const uncovered = r.targets > 0 ? r.unseen / r.targets : 0;
  const overdue = Math.min(1, r.overdueTasks / 10);
  const best = Math.max(drop >= 0.25 ? drop : 0, uncovered >= 0.2 ? uncovered : 0, r.overdueTasks > 0 ? overdue : 0);
  if (best === 0)
    return { kind: "none", text: "No gap stands out: calls steady, top deciles covered, no overdue tasks." };
  if (best === drop)
    return {
      kind: "calls",
      text: `Calls fell ${percent(drop)}: ${recent} in the last ${WEEKS} weeks, ${before} the ${WEEKS} before.`,
    };
  if (best === uncovered)
    return {
      kind: "coverage",
      text: `${r.unseen} of ${r.targets} top-decile HCPs (${percent(uncovered)}) not called in ${UNSEEN_DAYS} days.`,
    };
  return { kind: "tasks", text: `${r.overdueTasks} overdue task${r.overdueTasks === 1 ? "" : "s"}.` };
}

export async function teamFocus(db: Db, scope: Scope, now: Date = new Date()): Promise<TeamFocus> {
  const today = isoDay(now);
  const unseenSince = new Date(now.getTime() - UNSEEN_DAYS * day).toISOString();
  const recentSince = new Date(now.getTime() - WEEKS * 7 * day).toISOString();
  const beforeSince = new Date(now.getTime() - 2 * WEEKS * 7 * day).toISOString();
  const [reps, targets, calls, tasks] = await Promise.all([
    repsInScope(db, scope),
    db.execute(sql`with ${alignedHcps(scope)},
      top as (select al.npi, al.territory_id, a.decile from al
        join hcp_attribute a on a.org_id = ${scope.orgId}::uuid and a.hcp_npi = al.npi where a.decile >= ${TOP_DECILE})
      select top.npi, top.territory_id::text as territory_id, top.decile, h.first_name, h.middle_name, h.last_name,
        (select max(i.occurred_at) from interaction i where i.org_id = ${scope.orgId}::uuid and i.hcp_npi = top.npi) as last_call
      from top join hcp h on h.npi = top.npi`),
    db.execute(sql`select ${interaction.ownerId} as owner,
        count(*) filter (where ${interaction.occurredAt} >= ${recentSince}::timestamptz)::int as recent,
        count(*) filter (where ${interaction.occurredAt} < ${recentSince}::timestamptz)::int as before,
        max(${interaction.occurredAt}) as last
      from ${interaction}
      where ${visibleTenantRow(scope, interaction)} and ${interaction.occurredAt} >= ${beforeSince}::timestamptz
        and ${interaction.occurredAt} <= ${now.toISOString()}::timestamptz
      group by ${interaction.ownerId}`),
    db.execute(sql`select ${task.ownerId} as owner, count(*)::int as overdue from ${task}
      where ${visibleTenantRow(scope, task)} and ${task.status} = 'open' and ${task.dueDate} < ${today}::date
      group by ${task.ownerId}`),
  ]);
  type Target = {
    npi: string;
    territory_id: string;
    decile: number;
    first_name: string | null;
    middle_name: string | null;
    last_name: string | null;
    last_call: string | Date | null;
  };
  const allTargets = rowsOf<Target>(targets);
  const callsBy = new Map(
    rowsOf<{ owner: string; recent: number; before: number; last: string | Date | null }>(calls).map((r) => [
      r.owner,
      r,
    ]),
  );
  const tasksBy = new Map(rowsOf<{ owner: string; overdue: number }>(tasks).map((r) => [r.owner, r.overdue]));
  const lastCallOf = (t: Target) => (t.last_call === null ? null : new Date(t.last_call));

  const focus = reps.map((rep): RepFocus => {
    const mine = allTargets.filter((t) => rep.territoryIds.includes(t.territory_id));
    const unseen = mine
      .filter((t) => {
        const last = lastCallOf(t);
        return last === null || last.toISOString() < unseenSince;
      })
      .sort(
        (a, b) =>
          b.decile - a.decile ||
          (lastCallOf(a)?.getTime() ?? 0) - (lastCallOf(b)?.getTime() ?? 0) ||
          a.npi.localeCompare(b.npi),
      );
    const line = {
      repId: rep.id,
      rep: rep.name,
      territories: rep.territories,
      targets: mine.length,
      unseen: unseen.length,
      calls: { recent: Number(callsBy.get(rep.id)?.recent ?? 0), before: Number(callsBy.get(rep.id)?.before ?? 0) },
      overdueTasks: Number(tasksBy.get(rep.id) ?? 0),
      lastCall: callsBy.get(rep.id)?.last ? isoDay(new Date(callsBy.get(rep.id)!.last!)) : null,
    };
    return {
      ...line,
      gap: gapOf(line, today),
      hcps: unseen.slice(0, 3).map((t) => ({
        npi: t.npi,
        name: displayName({ firstName: t.first_name, middleName: t.middle_name, lastName: t.last_name }),
        decile: Number(t.decile),
        lastCall: lastCallOf(t) ? isoDay(lastCallOf(t)!) : null,
      })),
    };
  });
  // The rep with the most pressing gap first: stopped calling, then the largest scaled gap.
  const weight = (r: RepFocus) =>
    r.gap.kind === "stopped" ? 3 : r.gap.kind === "none" ? 0 : 1 + (r.targets ? r.unseen / r.targets : 0);
  return {
    asOf: today,
    reps: focus.sort((a, b) => weight(b) - weight(a) || a.rep.localeCompare(b.rep)),
    definitions: [
      `Top-decile HCPs: deciles ${TOP_DECILE}–10 as the org set them, aligned to the rep's territories; not called means no call by anyone in the org in ${UNSEEN_DAYS} days.`,
      `Calls: logged by the rep in the last ${WEEKS} weeks, against the ${WEEKS} weeks before.`,
      "Overdue tasks: the rep's open tasks due before today.",
    ],
  };
}
