// Words the UI shows for the API's codes, in one place.
import type { RouterOutputs } from "~/trpc/react";

import type { CallChannel, ConsentChannel } from "@pharmacrm/domain/channels";

type Me = RouterOutputs["viewer"]["me"];

export const roleLabel: Record<Me["role"], string> = { rep: "Rep", manager: "Manager", admin: "Admin" };

export const channelLabel: Record<CallChannel | ConsentChannel, string> = {
  in_person: "In person",
  phone: "Phone",
  video: "Video",
  email: "Email",
  sms: "SMS",
  fax: "Fax",
};

/** A channel's words, or the code itself when a tool result carries one this screen does not know. */
export const channelName = (channel: string): string => channelLabel[channel as keyof typeof channelLabel] ?? channel;

/** "Boston · New York"; admins see the whole org. */
export function territorySummary(me: Pick<Me, "territories" | "wholeOrg">): string {
  if (me.wholeOrg) return "All territories";
  if (me.territories.length === 0) return "No territories assigned";
  return me.territories.map((t) => t.name).join(" · ");
}
