"use client";

import { ImportForm } from "./import-form";
import { RunsTable } from "./runs-table";
import { SourcesTable } from "./sources-table";

export function DataScreen() {
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Data</h1>
        <p className="mt-0.5 text-sm text-slate-500">Load the NPI registry, Part D prescribing, Open Payments and reference files, and see how each load went.</p>
      </div>
      <ImportForm />
      <SourcesTable />
      <RunsTable />
    </div>
  );
}
