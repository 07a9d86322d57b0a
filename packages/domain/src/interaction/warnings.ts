// What a person should know before a call is saved (shown on the copilot's approval card): consent for the call's
// channel revoked, a call with the same physician already logged by them that day (a date alone: the calendar
// day; a time: within 12 hours either side), or samples for a physician with no licence on record (NPPES) in the
// state of the practice address the call is placed at. Advice, not refusal: the call may still be logged.
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";

import { interaction, rowsOf, type Db } from "@pharmacrm/db";

import { CALL_CHANNELS, channelHow, type CallChannel, type ConsentChannel } from "../channels";
import { consentInForce } from "../consent/latest";
import { requireHcpInReach } from "../hcp/in-reach";
import type { Scope } from "../scope";
import { dateRangeMessage, isDateInRange, npiField, plainText } from "../validation";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const momentOf = (v: string) => new Date(DAY.test(v) ? `${v}T00:00:00Z` : v);

export const callWarningsInput = z.object({
  npi: npiField(),
  channel: z.enum(CALL_CHANNELS, { message: "Choose how you met: in person, phone, video or email." }),
  // Kept as text: a day alone means that calendar day, a moment means ±12 hours either side.
  occurredAt: plainText("The call's time")
    .max(40)
    .refine((v) => DAY.test(v) || MOMENT.test(v), "Enter when the call happened, as a date or a time.")
    .refine((v) => isDateInRange(momentOf(v)), dateRangeMessage("The call's time")),
  /** The call leaves samples: the physician's licence in the practice state is checked. */
  withSamples: z.boolean().default(false),
});

export interface CallWarning {
  kind: "consent_revoked" | "call_nearby" | "no_state_licence";
  message: string;
}

const CONSENT_CHANNEL: Record<CallChannel, ConsentChannel | null> = {
  in_person: "in_person",
  phone: "phone",
  email: "email",
  video: null,
};
const CONSENT_WORDS: Record<ConsentChannel, string> = {
  in_person: "in-person",
  phone: "phone",
  email: "email",
  sms: "text message",
  fax: "fax",
};
const NEARBY_MS = 12 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function callWarnings(
  db: Db,
  scope: Scope,
  raw: z.input<typeof callWarningsInput>,
): Promise<CallWarning[]> {
  const input = callWarningsInput.parse(raw);
  const { name } = await requireHcpInReach(db, scope, input.npi);
  const consentChannel = CONSENT_CHANNEL[input.channel];
  const dateOnly = DAY.test(input.occurredAt);
  const at = momentOf(input.occurredAt).getTime();
  const [from, to] = dateOnly ? [at, at + DAY_MS] : [at - NEARBY_MS, at + NEARBY_MS];
  const [consent, [nearby], licence] = await Promise.all([
    consentChannel ? consentInForce(db, scope, input.npi, consentChannel) : undefined,
    db
      .select({ occurredAt: interaction.occurredAt, channel: interaction.channel })
      .from(interaction)
      .where(
        and(
          eq(interaction.orgId, scope.orgId),
          eq(interaction.ownerId, scope.userId),
          eq(interaction.hcpNpi, input.npi),
          gte(interaction.occurredAt, new Date(from)),
          lt(interaction.occurredAt, new Date(to)),
        ),
      )
      .orderBy(desc(interaction.occurredAt))
      .limit(1),
    input.withSamples ? licenceInPracticeState(db, input.npi) : null,
  ]);
  const warnings: CallWarning[] = [];
  if (consent?.status === "revoked")
    warnings.push({
      kind: "consent_revoked",
      message: `${name} revoked ${CONSENT_WORDS[consentChannel!]} consent on ${day(consent.recordedAt)}.`,
    });
  if (nearby)
    warnings.push({
      kind: "call_nearby",
      message: `You already logged a call with ${name} ${channelHow[nearby.channel]} on ${day(nearby.occurredAt)}.`,
    });
  if (licence && !licence.licensed)
    warnings.push({
      kind: "no_state_licence",
      message: licence.state
        ? `NPPES lists no licence in ${licence.state} for ${name}: samples go only to a prescriber licensed in the state of the call.`
        : `NPPES lists no practice state for ${name}, so their licence for samples cannot be checked.`,
    });
  return warnings;
}

/** Whether NPPES records a licence number in the state of the physician's practice address. */
export async function licenceInPracticeState(db: Db, npi: string) {
  const [row] = rowsOf<{ state: string | null; licensed: boolean }>(
    await db.execute(sql`
      select h.practice_state as state, exists (select 1 from hcp_taxonomy t where t.npi = h.npi
        and t.license_state = h.practice_state and coalesce(t.license_number, '') <> '') as licensed
      from hcp h where h.npi = ${npi}`),
  );
  return row ? { state: row.state, licensed: Boolean(row.licensed) } : null;
}
