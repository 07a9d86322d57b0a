import { Badge } from "@pharmacrm/ui";

export type PlanStatus = "upcoming" | "active" | "ended";

const LABELS: Record<PlanStatus, { label: string; tone: "brand" | "neutral" | "info" }> = {
  active: { label: "Running", tone: "brand" },
  upcoming: { label: "Upcoming", tone: "info" },
  ended: { label: "Ended", tone: "neutral" },
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
