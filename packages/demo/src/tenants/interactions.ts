// Six months of calls per target HCP, owned by the territory's rep: channel allowed by consent on the day,
// 0–3 products discussed, samples only of sampleable products discussed in person, notes and follow-ups.
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
  context: { org: CreatedOrg; repId: string; todayDay: number; consent: readonly ConsentWindow[] },
): InteractionRows {
  const rows: InteractionRows = { interactions: [], products: [], samples: [] };
  const [min, max] = target.decile === null ? [0, 1] : CALLS_BY_TIER[target.tier];
  const who = displayName(target);
  for (let call = random.int(min, max); call > 0; call--) {
    const day = weekday(random.int(context.todayDay - ACTIVITY_WINDOW_DAYS, context.todayDay - 1));
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
        const lot = `${p.brandName.slice(0, 2)}${random.int(1000, 9999)}${String.fromCharCode(65 + random.int(0, 5))}`;
        rows.samples.push({ interactionId: id, productId: p.id, quantity: random.int(2, 12), lotNumber: lot });
      }
    });
  }
  return rows;
}
