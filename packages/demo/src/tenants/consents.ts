// Consent history per target HCP × channel: granted some months back, sometimes revoked later. Append-only:
// a revocation is a second, later row, never an update of the grant.
import { type consentRecord } from "@pharmacrm/db";

import { dateOfDay } from "../generate/dates";
import { type Random } from "../random";
import { type TerritoryHcp } from "./territory-hcps";

export type ConsentChannel = (typeof consentRecord.$inferInsert)["channel"];
type ConsentValues = typeof consentRecord.$inferInsert;

const CHANNEL_GRANT_RATE: Record<ConsentChannel, number> = {
  in_person: 0.95,
  phone: 0.8,
  email: 0.7,
  sms: 0.15,
  fax: 0.1,
};
const SOURCES: Record<ConsentChannel, readonly string[]> = {
  in_person: ["Signed consent form", "Verbal at call"],
  phone: ["Signed consent form", "Verbal at call"],
  email: ["Email opt-in", "Signed consent form", "Web portal"],
  sms: ["Web portal"],
  fax: ["Signed consent form"],
};

export interface ConsentWindow {
  channel: ConsentChannel;
  grantedDay: number;
  revokedDay: number | null;
}

/** Whether a channel was consented on a given day. */
export const consentedOn = (windows: readonly ConsentWindow[], channel: ConsentChannel, day: number): boolean =>
  windows.some((w) => w.channel === channel && w.grantedDay <= day && (w.revokedDay === null || w.revokedDay > day));

/** A time between 13:00 and 22:00 UTC: office hours across US time zones. */
export const atWorkHour = (random: Random, day: number) =>
  new Date(dateOfDay(day).getTime() + random.int(13 * 60, 22 * 60) * 60_000);

export function consentHistory(
  random: Random,
  target: TerritoryHcp,
  context: { orgId: string; repId: string; todayDay: number },
): { windows: ConsentWindow[]; rows: ConsentValues[] } {
  const windows: ConsentWindow[] = [];
  const rows: ConsentValues[] = [];
  for (const channel of Object.keys(CHANNEL_GRANT_RATE) as ConsentChannel[]) {
    if (!random.chance(CHANNEL_GRANT_RATE[channel])) continue;
    const grantedDay = random.int(context.todayDay - 540, context.todayDay - 120);
    const revokedDay = random.chance(0.1) ? random.int(grantedDay + 30, context.todayDay - 1) : null;
    windows.push({ channel, grantedDay, revokedDay });
    const base = { orgId: context.orgId, hcpNpi: target.npi, channel, recordedById: context.repId };
    rows.push({
      ...base,
      status: "granted",
      source: random.pick(SOURCES[channel]),
      recordedAt: atWorkHour(random, grantedDay),
    });
    if (revokedDay !== null) {
      const source =
        channel === "email" ? "Email unsubscribe" : random.pick(["Verbal at call", "Letter from practice"]);
      rows.push({ ...base, status: "revoked", source, recordedAt: atWorkHour(random, revokedDay) });
    }
  }
  return { windows, rows };
}
