"use client";

import { ImportForm } from "./import-form";
import { OperatorsOnly } from "./operators-only";
import { RunsTable } from "./runs-table";
import { SourcesTable } from "./sources-table";

/** canLoad: the viewer is a platform operator; admins without the role see what was loaded, not the form. */
export function DataScreen({ canLoad }: { canLoad: boolean }) {
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Data</h1>
        <p className="mt-0.5 text-sm text-slate-500">
          The NPI registry, Part D prescribing, Open Payments and reference files every organisation on this server
          reads, and how each load went.
        </p>
      </div>
      {canLoad ? <ImportForm /> : <OperatorsOnly />}
      <SourcesTable />
      <RunsTable />
    </div>
  );
}
