// What reps write after a call: short, plain, specific. Templates are filled with the HCP and product names.
import type { CallChannel } from "@pharmacrm/domain/channels";

import { type Random } from "../random";

export interface NoteContext {
  /** "Dr. Patel" for physicians, "Maria Lopez" for NPs and PAs. */
  who: string;
  product: string | null;
  competitor: string | null;
  channel: CallChannel;
}

const WITH_PRODUCT: Record<NoteContext["channel"], readonly string[]> = {
  in_person: [
    "{who} asked about {product} dosing in patients with reduced kidney function. Left the PI and the dosing card.",
    "Lunch with the office staff. Went over the {product} savings program; the nurse manager will share it with the front desk.",
    "{who} is comfortable with {competitor} and doesn't see a reason to switch. Shared the head-to-head data on {product}.",
    "Short hallway conversation. {who} has started a few new patients on {product} and likes what they're seeing so far.",
    "Couldn't see the doctor today; talked with the PA about prior auth steps for {product} with the main local plans.",
    "{who} raised a bleeding/safety question on {product}. Promised to send the medical information request form.",
  ],
  phone: [
    "Called to confirm coverage of {product} on the two biggest Medicare Advantage plans here; {who} had patients get denied.",
    "Quick call with {who}. Office wants more patient brochures for {product}.",
    "{who} called back about the {product} copay card; walked the office manager through activation.",
  ],
  video: [
    "Video call, about 10 minutes. Walked {who} through the updated {product} label slides; wants the patient leaflet.",
    "Virtual visit with {who} and the practice pharmacist on where {product} fits versus {competitor}.",
  ],
  email: [
    "Emailed {who} the {product} formulary update for the main local plans.",
    "Sent the {product} dosing summary {who} asked for last visit.",
  ],
};

const WITHOUT_PRODUCT: readonly string[] = [
  "Relationship call. {who} is short-staffed this quarter; best to come back after the holidays.",
  "Dropped by to introduce myself to the new office manager. {who} was in clinic all day.",
  "{who} wants fewer visits and more email updates. Noted the preference.",
];

const FOLLOW_UPS: readonly string[] = [
  "Bring the dosing card on the next visit",
  "Send the coverage summary for local Medicare plans",
  "Set up a lunch-and-learn with the practice",
  "Check whether the patient brochures arrived",
  "Ask how the new patients on therapy are doing",
  "Get the medical information request answered",
];

const fill = (template: string, context: NoteContext) =>
  template
    .replaceAll("{who}", context.who)
    .replaceAll("{product}", context.product ?? "")
    .replaceAll("{competitor}", context.competitor ?? "the competitor");

export function callNote(random: Random, context: NoteContext): string {
  const templates = context.product ? WITH_PRODUCT[context.channel] : WITHOUT_PRODUCT;
  return fill(random.pick(templates), context);
}

export const followUpText = (random: Random): string => random.pick(FOLLOW_UPS);

export function displayName(hcpName: { firstName: string; lastName: string; credential: string | null }): string {
  const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());
  const physician = /\b(M\.?\s?D|D\.?O)\b/i.test(hcpName.credential ?? "");
  return physician
    ? `Dr. ${titleCase(hcpName.lastName)}`
    : `${titleCase(hcpName.firstName)} ${titleCase(hcpName.lastName)}`;
}
