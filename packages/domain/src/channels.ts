// The channels a call and a consent can be on, defined once with the database's enums and derived everywhere else.
import type { CallChannel, ConsentChannel } from "@pharmacrm/db/channels";

export { CALL_CHANNELS, CONSENT_CHANNELS, type CallChannel, type ConsentChannel } from "@pharmacrm/db/channels";

/** How a meeting happened, in a sentence: "met them in person", "logged a call … by phone". */
export const channelHow: Record<CallChannel | ConsentChannel, string> = {
  in_person: "in person",
  phone: "by phone",
  video: "by video",
  email: "by email",
  sms: "by SMS",
  fax: "by fax",
};

/** A channel's name on a screen, a card or an export: "In person", "SMS". */
export const channelTitle: Record<CallChannel | ConsentChannel, string> = {
  in_person: "In person",
  phone: "Phone",
  video: "Video",
  email: "Email",
  sms: "SMS",
  fax: "Fax",
};

/** A channel's name, or the code itself when it is one this list does not know. */
export const channelName = (channel: string): string => channelTitle[channel as keyof typeof channelTitle] ?? channel;
