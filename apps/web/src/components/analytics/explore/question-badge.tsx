import { BadgeCheck } from "lucide-react";

import { Badge } from "@pharmacrm/ui";

/** Whether a saved question is the org's: shared, or shared and certified by a manager or admin. */
export function QuestionBadge({ shared, certified }: { shared: boolean; certified: { by: string } | boolean | null }) {
  if (certified)
    return (
      <Badge
        tone="success"
        title={typeof certified === "object" ? `Certified by ${certified.by}` : "Certified by a manager or admin"}
      >
        <BadgeCheck aria-hidden /> Certified
      </Badge>
    );
  return shared ? <Badge tone="info">Shared</Badge> : null;
}
