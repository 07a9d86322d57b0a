import type { ReactNode } from "react";

import { Label } from "@pharmacrm/ui";

/** An import's file chooser with what the file should hold beside it. */
export function CsvFileField({
  id,
  onChoose,
  disabled = false,
  children,
}: {
  id: string;
  /** While a file is being checked or applied. */
  disabled?: boolean;
  onChoose: (file: File | undefined) => void;
  /** What the file should hold. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor={id}>CSV file</Label>
        <input
          id={id}
          type="file"
          accept=".csv,text/csv"
          disabled={disabled}
          className="block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          onChange={(event) => onChoose(event.target.files?.[0])}
        />
      </div>
      <p className="max-w-xl text-xs text-slate-500">{children}</p>
    </div>
  );
}
