// Words the UI shows for the API's codes, in one place.
import type { RouterOutputs } from "~/trpc/react";

type Me = RouterOutputs["viewer"]["me"];

export const roleLabel: Record<Me["role"], string> = { rep: "Rep", manager: "Manager", admin: "Admin" };

export { channelName, channelTitle as channelLabel } from "@pharmacrm/domain/channels";

/** "Boston · New York"; admins see the whole org. */
export function territorySummary(me: Pick<Me, "territories" | "wholeOrg">): string {
  if (me.wholeOrg) return "All territories";
  if (me.territories.length === 0) return "No territories assigned";
  return me.territories.map((t) => t.name).join(" · ");
}
