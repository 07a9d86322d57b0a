"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Upload } from "lucide-react";
import { useState } from "react";

import { Alert, Button, Label, Select, Spinner } from "@pharmacrm/ui";

import { readChosenCsv, type ChosenCsv } from "../imports/csv-file";
import { CsvFileField } from "../imports/csv-file-field";
import { SetAsideTable } from "../imports/set-aside-table";

type Report = RouterOutputs["callPlan"]["import"];
/**
 * Targets from a CSV file (NPI and planned calls per row): a dry run first, reporting what would change and each row
 * set aside with its line, column and reason; nothing changes until "Apply".
 */
export function ImportTargets({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenCsv | null>(null);
  const [columns, setColumns] = useState<{ npi: number; plannedCalls: number } | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation(
    trpc.callPlan.import.mutationOptions({
      onSuccess: (report) => {
        if (report.applied) void queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() });
      },
    }),
  );
  const report = run.data;

  const choose = async (chosen: File | undefined) => {
    run.reset();
    setColumns(undefined);
    if (!chosen) return setFile(null);
    const read = await readChosenCsv(chosen);
    if ("problem" in read) {
      setFile(null);
      return setProblem(read.problem);
    }
    setProblem(null);
    setFile(read);
    run.mutate({ planId, csv: read.text });
  };

  const dryRun = (next: { npi: number; plannedCalls: number }) => {
    setColumns(next);
    if (file) run.mutate({ planId, csv: file.text, columns: next });
  };

  return (
    <div className="grid gap-3">
      <CsvFileField id="targets-file" onChoose={(file) => void choose(file)}>
        One row per physician with an <strong>NPI</strong> column and a <strong>Planned calls</strong> column; 0 takes a
        physician off the plan. Rows that cannot be used are set aside and listed.
      </CsvFileField>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      {file?.header && (run.isError || columns) ? (
        <ColumnChoice header={file.header} columns={columns} onChoose={dryRun} />
      ) : null}
      {run.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> {run.variables?.apply ? "Applying…" : "Checking the file…"}
        </p>
      ) : null}
      {run.isError ? (
        <Alert tone="danger">{fieldErrorsOf(run.error).csv?.join(" ") ?? messageOf(run.error)}</Alert>
      ) : null}
      {report && file ? (
        <ImportReport
          report={report}
          onApply={() => run.mutate({ planId, csv: file.text, columns, apply: true })}
          fileName={file.name}
        />
      ) : null}
    </div>
  );
}

function ColumnChoice({
  header,
  columns,
  onChoose,
}: {
  header: string[];
  columns?: { npi: number; plannedCalls: number };
  onChoose: (columns: { npi: number; plannedCalls: number }) => void;
}) {
  const [npi, setNpi] = useState(columns?.npi ?? -1);
  const [planned, setPlanned] = useState(columns?.plannedCalls ?? -1);
  const options = header.map((cell, i) => (
    <option key={i} value={i}>
      Column {i + 1}
      {cell ? `: ${cell.slice(0, 40)}` : ""}
    </option>
  ));
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3">
      <div>
        <Label htmlFor="column-npi">NPI column</Label>
        <Select id="column-npi" value={npi} onChange={(event) => setNpi(Number(event.target.value))}>
          <option value={-1}>Choose…</option>
          {options}
        </Select>
      </div>
      <div>
        <Label htmlFor="column-planned">Planned calls column</Label>
        <Select id="column-planned" value={planned} onChange={(event) => setPlanned(Number(event.target.value))}>
          <option value={-1}>Choose…</option>
          {options}
        </Select>
      </div>
      <Button
        variant="secondary"
        disabled={npi < 0 || planned < 0}
        onClick={() => onChoose({ npi, plannedCalls: planned })}
      >
        Check with these columns
      </Button>
    </div>
  );
}

function ImportReport({ report, onApply, fileName }: { report: Report; onApply: () => void; fileName: string }) {
  const changes = report.added + report.changed + report.removed;
  return (
    <div className="grid gap-3" data-testid="import-report">
      <Alert tone={report.applied ? "success" : "info"}>
        {report.applied ? "Applied " : "Dry run of "}
        {fileName}: {report.rows} rows — {report.added} added, {report.changed} changed, {report.removed} taken off,{" "}
        {report.unchanged} unchanged, {report.setAside.length} set aside.
        {report.applied ? "" : " Nothing has changed yet."}
      </Alert>
      <SetAsideTable rows={report.setAside} />
      {!report.applied && changes > 0 ? (
        <div>
          <Button onClick={onApply}>
            <Upload aria-hidden /> Apply {changes} {changes === 1 ? "change" : "changes"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
