"use client";

import { useMutation } from "@tanstack/react-query";
import { downloadFile } from "~/lib/download";
import { messageOf, useTRPC } from "~/trpc/react";
import { Download } from "lucide-react";

import { Button } from "@pharmacrm/ui";

import type { AuditTrailFilter } from "./audit-params";

/** CSV for spreadsheets (a changes column and the payloads as JSON), JSON with every field; both for the filter. */
export function AuditTrailExport({ filter, disabled }: { filter: AuditTrailFilter; disabled: boolean }) {
  const trpc = useTRPC();
  const exportEvents = useMutation(
    trpc.audit.export.mutationOptions({
      onSuccess: (file) => downloadFile(file.filename, file.contentType, file.content),
    }),
  );
  const last = exportEvents.data;
  return (
    <div className="grid justify-items-end gap-1">
      <div className="flex gap-2">
        {(["csv", "json"] as const).map((format) => (
          <Button
            key={format}
            variant="secondary"
            size="sm"
            disabled={disabled || exportEvents.isPending}
            onClick={() => exportEvents.mutate({ ...filter, format })}
            data-testid={`audit-trail-export-${format}`}
          >
            <Download aria-hidden /> Export {format.toUpperCase()}
          </Button>
        ))}
      </div>
      {exportEvents.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {messageOf(exportEvents.error)}
        </p>
      ) : last && last.exported < last.total ? (
        <p className="text-xs text-amber-700">
          Exported the newest {last.exported.toLocaleString("en-US")} of {last.total.toLocaleString("en-US")} events;
          narrow the filter for the rest.
        </p>
      ) : null}
    </div>
  );
}
