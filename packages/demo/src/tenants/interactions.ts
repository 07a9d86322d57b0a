// Calls per target HCP, owned by the territory's rep: channel allowed by consent on the day, 0–3 products discussed,
// samples only of sampleable products discussed in person, notes and follow-ups. The last six months first; then, from
// a random stream of its own (so the recent months stay as they were), the ten months before them — sixteen months
// of history, thinner the further back, as consent was still being collected.
import { type interaction, type interactionProduct, type interactionSample } from "@pharmacrm/db";

import { isoDate } from "../generate/dates";
import { weightedPicker, type Random } from "../random";
import { callNote, displayName, followUpText } from "./call-notes";
import { atWorkHour, consentedOn, type ConsentChannel, type ConsentWindow } from "./consents";
import { type CreatedOrg, type CreatedProduct } from "./create-org";
import { type TerritoryHcp } from "./territory-hcps";

type Channel = (typeof interaction.$inferInsert)["channel"];

export interface InteractionRows {
  interactions: (typeof interaction.$inferInsert)[];
  products: (typeof interactionProduct.$inferInsert)[];
  samples: (typeof interactionSample.$inferInsert)[];
}

export const ACTIVITY_WINDOW_DAYS = 182;
/** The older history before the activity window: ten months more, sixteen in all. */
export const HISTORY_DAYS = 300;

const CALLS_BY_TIER = { A: [4, 8], B: [2, 5], C: [0, 2] } as const;
const pickChannel = weightedPicker<Channel>([
  { value: "in_person", weight: 55 },
  { value: "phone", weight: 15 },
  { value: "video", weight: 10 },
  { value: "email", weight: 20 },
]);
const pickProductCount = weightedPicker([
  { value: 0, weight: 12 },
  { value: 1, weight: 55 },
  { value: 2, weight: 28 },
  { value: 3, weight: 5 },
]);
// A video call's invitation goes by email, so it needs email consent.
const CONSENT_FOR: Record<Channel, ConsentChannel> = {
  in_person: "in_person",
  phone: "phone",
  video: "email",
  email: "email",
};

/** Weekdays only: a weekend day moves to the Friday before. */
const weekday = (day: number) => {
  const dow = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
  return dow === 0 ? day - 2 : dow === 6 ? day - 1 : day;
};

export function interactionsFor(
  random: Random,
  target: TerritoryHcp,
  context: {
    org: CreatedOrg;
    repId: string;
    todayDay: number;
    consent: readonly ConsentWindow[];
    /** The days the calls fall in (inclusive); the activity window before today by default. */
    days?: [number, number];
    /** Calls per HCP against the activity window's rate: about 1.6 for ten months. */
    scale?: number;
  },
): InteractionRows {
  const rows: InteractionRows = { interactions: [], products: [], samples: [] };
  const [min, max] = target.decile === null ? [0, 1] : CALLS_BY_TIER[target.tier];
  const [from, to] = context.days ?? [context.todayDay - ACTIVITY_WINDOW_DAYS, context.todayDay - 1];
  const who = displayName(target);
  const calls = random.int(min, max);
  for (let call = context.scale ? Math.round(calls * context.scale) : calls; call > 0; call--) {
    const day = weekday(random.int(from, to));
    let channel = pickChannel(random);
    if (!consentedOn(context.consent, CONSENT_FOR[channel], day)) channel = "in_person";
    if (!consentedOn(context.consent, "in_person", day)) continue;

    const id = random.uuid();
    const discussed: CreatedProduct[] = random.shuffle([...context.org.products]).slice(0, pickProductCount(random));
    const occurredAt = atWorkHour(random, day);
    const followUp = random.chance(0.45);
    rows.interactions.push({
      id,
      orgId: context.org.id,
      hcpNpi: target.npi,
      ownerId: context.repId,
      territoryId: target.territoryId,
      channel,
      occurredAt,
      notes: callNote(random, {
        who,
        product: discussed[0]?.name ?? null,
        competitor: discussed[0] && discussed[0].competitors.length > 0 ? random.pick(discussed[0].competitors) : null,
        channel,
      }),
      followUp: followUp ? followUpText(random) : null,
      followUpDate: followUp ? isoDate(day + random.int(7, 30)) : null,
      createdAt: new Date(occurredAt.getTime() + random.int(5, 240) * 60_000),
    });
    discussed.forEach((p, index) => {
      rows.products.push({ interactionId: id, productId: p.id, position: index + 1 });
      if (channel === "in_person" && p.sampleable && random.chance(0.5)) {
        const lot = `${p.brandName.slice(0, 2).toUpperCase()}${random.int(1000, 9999)}${String.fromCharCode(65 + random.int(0, 5))}`;
        rows.samples.push({ interactionId: id, productId: p.id, quantity: random.int(2, 12), lotNumber: lot });
      }
    });
  }
  return rows;
}

/** The older history of a target: the ten months before the activity window, at the same rate per month. */
export function historyFor(
  random: Random,
  target: TerritoryHcp,
  context: { org: CreatedOrg; repId: string; todayDay: number; consent: readonly ConsentWindow[] },
): InteractionRows {
  const end = context.todayDay - ACTIVITY_WINDOW_DAYS - 1;
  return interactionsFor(random, target, {
    ...context,
    days: [end - HISTORY_DAYS + 1, end],
    scale: HISTORY_DAYS / ACTIVITY_WINDOW_DAYS,
  });
}

/** A rep who stopped calling a while ago: their calls after that day are left out (and their products and samples). */
export function stoppedAfter(rows: InteractionRows, lastDay: Date): InteractionRows {
  const kept = rows.interactions.filter((i) => i.occurredAt! < lastDay);
  const ids = new Set(kept.map((i) => i.id));
  return {
    interactions: kept,
    products: rows.products.filter((p) => ids.has(p.interactionId)),
    samples: rows.samples.filter((s) => ids.has(s.interactionId)),
  };
}
