import { CircleCheck, CircleX, Loader2 } from "lucide-react";

import { Badge } from "@pharmacrm/ui";

import type { ImportRun } from "./labels";

/** Running · Succeeded · Failed, with "Starting" before the first chunk commits. */
export function RunStatus({ run }: { run: Pick<ImportRun, "status" | "rowsRead"> }) {
  if (run.status === "succeeded") {
    return (
      <Badge tone="success">
        <CircleCheck aria-hidden /> Succeeded
      </Badge>
    );
  }
  if (run.status === "failed") {
    return (
      <Badge tone="danger">
        <CircleX aria-hidden /> Failed
      </Badge>
    );
  }
  return (
    <Badge tone="info">
      <Loader2 className="animate-spin" aria-hidden /> {run.rowsRead === 0 ? "Starting" : "Running"}
    </Badge>
  );
}
