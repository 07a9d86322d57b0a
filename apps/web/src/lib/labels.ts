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

/** Whose figures analytics counts for the signed-in person, in words. */
export function analyticsScope(me: Pick<Me, "territories" | "wholeOrg" | "role" | "orgName">): string {
  if (me.role === "admin") return `all of ${me.orgName}`;
  if (me.role === "manager") return `your region (${territorySummary(me)})`;
  return `your territories and your own calls (${territorySummary(me)})`;
}
