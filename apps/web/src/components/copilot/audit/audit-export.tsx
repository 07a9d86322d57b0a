"use client";

import { useMutation } from "@tanstack/react-query";
import { downloadFile } from "~/lib/download";
import { messageOf, useTRPC } from "~/trpc/react";
import { Download } from "lucide-react";

import { Button } from "@pharmacrm/ui";

import type { AuditFilter } from "./audit-filters";

/** CSV for spreadsheets, JSON with every recorded field; both for the current filter. */
export function AuditExport({ filter, disabled }: { filter: AuditFilter; disabled: boolean }) {
  const trpc = useTRPC();
  const exportTurns = useMutation(
    trpc.copilotAudit.export.mutationOptions({
      onSuccess: (file) => downloadFile(file.filename, file.contentType, file.content),
    }),
  );
  const last = exportTurns.data;
  return (
    <div className="grid justify-items-end gap-1">
      <div className="flex gap-2">
        {(["csv", "json"] as const).map((format) => (
          <Button
            key={format}
            variant="secondary"
            size="sm"
            disabled={disabled || exportTurns.isPending}
            onClick={() => exportTurns.mutate({ ...filter, format })}
            data-testid={`audit-export-${format}`}
          >
            <Download aria-hidden /> Export {format.toUpperCase()}
          </Button>
        ))}
      </div>
      {exportTurns.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {messageOf(exportTurns.error)}
        </p>
      ) : last && last.exported < last.total ? (
        <p className="text-xs text-amber-700">
          Exported the newest {last.exported.toLocaleString("en-US")} of {last.total.toLocaleString("en-US")} turns;
          narrow the days for the rest.
        </p>
      ) : null}
    </div>
  );
}
