import type { NbaSuggestion } from "@pharmacrm/ai";
import { Badge } from "@pharmacrm/ui";

export const actionLabel: Record<NbaSuggestion["action"], string> = {
  call: "Call",
  email: "Email",
  sample: "Offer a sample",
  follow_up: "Follow up",
};

/** Confidence 0–1 as the share of the evidence that was present. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const tone = confidence >= 0.75 ? "success" : confidence >= 0.5 ? "info" : "neutral";
  return (
    <Badge tone={tone} title="The share of the evidence this suggestion rests on that was actually present">
      {Math.round(confidence * 100)}% confidence
    </Badge>
  );
}
