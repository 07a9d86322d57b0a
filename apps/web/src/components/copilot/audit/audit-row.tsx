import { LocalDateTime } from "~/components/local-time";
import type { RouterOutputs } from "~/trpc/react";

import { Badge, TableCell, TableRow, type BadgeTone } from "@pharmacrm/ui";

export type AuditTurn = RouterOutputs["copilotAudit"]["list"]["items"][number];
type AuditToolCall = AuditTurn["tools"][number];

const statusTone: Record<string, BadgeTone> = {
  finished: "success",
  needs_approval: "warning",
  running: "info",
  error: "danger",
  aborted: "neutral",
};
const statusLabel: Record<string, string> = {
  finished: "Finished",
  needs_approval: "Awaiting approval",
  running: "Running",
  error: "Error",
  aborted: "Stopped",
};

function ToolBadge({ call }: { call: AuditToolCall }) {
  const tone: BadgeTone =
    call.approved === true
      ? "success"
      : call.approved === false
        ? "danger"
        : call.needsApproval
          ? "warning"
          : "neutral";
  const suffix =
    call.approved === true
      ? " ✓ approved"
      : call.approved === false
        ? " ✕ rejected"
        : call.needsApproval
          ? " · awaiting approval"
          : "";
  return (
    <Badge tone={tone} title={call.output ?? call.state ?? undefined}>
      {call.name}
      {suffix}
    </Badge>
  );
}

const confidenceOf = (c: unknown) =>
  c && typeof c === "object" && "confidence" in c && typeof c.confidence === "number" ? c.confidence : null;

export function AuditRow({ turn }: { turn: AuditTurn }) {
  const confidences = turn.confidences.map(confidenceOf).filter((c): c is number => c !== null);
  return (
    <TableRow data-testid="audit-row">
      <TableCell className="text-xs whitespace-nowrap">
        <LocalDateTime value={turn.startedAt} />
      </TableCell>
      <TableCell>
        <p className="text-slate-900">{turn.userName}</p>
        <p className="text-xs text-slate-500">{turn.userEmail}</p>
      </TableCell>
      <TableCell className="text-xs">
        <p>{turn.modelId}</p>
        <p className="text-slate-500">{turn.provider}</p>
      </TableCell>
      <TableCell className="font-mono text-xs" title={turn.inputHash}>
        {turn.inputHash.slice(0, 12)}…
      </TableCell>
      <TableCell className="max-w-md">
        {turn.tools.length === 0 ? (
          <span className="text-xs text-slate-400">none</span>
        ) : (
          <details className="text-xs">
            <summary className="flex cursor-pointer flex-wrap gap-1">
              {turn.tools.map((call, i) => (
                <ToolBadge key={i} call={call} />
              ))}
            </summary>
            <pre className="mt-1 max-h-60 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] whitespace-pre-wrap">
              {JSON.stringify(
                turn.tools.map((c) => c.recorded),
                null,
                2,
              )}
            </pre>
          </details>
        )}
      </TableCell>
      <TableCell className="text-xs tabular-nums">
        {confidences.length > 0 ? confidences.map((c) => c.toFixed(2)).join(", ") : "—"}
      </TableCell>
      <TableCell>
        <Badge tone={statusTone[turn.status] ?? "neutral"} title={turn.error ?? undefined}>
          {statusLabel[turn.status] ?? turn.status}
        </Badge>
        {turn.error ? (
          <p className="mt-0.5 max-w-48 truncate text-xs text-red-700" title={turn.error}>
            {turn.error}
          </p>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
