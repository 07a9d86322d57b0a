"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Upload } from "lucide-react";
import { useState } from "react";

import {
  ACCOUNT_IMPORT_FIELDS,
  ACCOUNT_IMPORT_TITLES,
  type AccountImportField,
} from "@pharmacrm/domain/accounts-input";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Label, Select, Spinner } from "@pharmacrm/ui";

import { readChosenCsv, type ChosenCsv } from "../imports/csv-file";
import { CsvFileField } from "../imports/csv-file-field";
import { SetAsideTable } from "../imports/set-aside-table";

type Report = RouterOutputs["hcp"]["importAccounts"];
type Columns = Report["columns"];

/**
 * The org's fields on many accounts from a CSV file: NPI plus any of tier, segment, preferred channel, tags (";"
 * between them) and notes. The columns are found from the header row or chosen; a dry run lists what would change
 * and every row set aside; nothing changes until "Apply".
 */
export function ImportAccounts({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenCsv | null>(null);
  const [columns, setColumns] = useState<Columns | undefined>(undefined);
  const [choosing, setChoosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation(trpc.hcp.importAccounts.mutationOptions());
  const report = run.data;
  // Callbacks per call: only the latest run's answer updates the screen (a file chosen mid-run starts afresh).
  const send = (variables: Parameters<typeof run.mutate>[0]) =>
    run.mutate(variables, {
      onSuccess: (done) => {
        setColumns(done.columns);
        if (done.applied) void queryClient.invalidateQueries({ queryKey: trpc.hcp.pathKey() });
      },
      // The columns are offered again only when the file's columns were the trouble.
      onError: (error) => setChoosing(/column/i.test(messageOf(error))),
    });

  const choose = async (chosen: File | undefined) => {
    run.reset();
    setColumns(undefined);
    setChoosing(false);
    if (!chosen) return setFile(null);
    const read = await readChosenCsv(chosen);
    if ("problem" in read) {
      setFile(null);
      return setProblem(read.problem);
    }
    setProblem(null);
    setFile(read);
    send({ csv: read.text });
  };

  return (
    <Card aria-labelledby="import-accounts-title">
      <CardHeader>
        <CardTitle id="import-accounts-title">Import account fields from a file</CardTitle>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3">
        <CsvFileField id="accounts-file" disabled={run.isPending} onChoose={(file) => void choose(file)}>
          One row per physician: an <strong>NPI</strong> column and any of <strong>Tier</strong>,{" "}
          <strong>Segment</strong>, <strong>Preferred channel</strong>, <strong>Tags</strong> (separated by “;”) and{" "}
          <strong>Notes</strong>. An empty cell keeps what the account has; tags given replace its tags.
        </CsvFileField>
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {file?.header && (choosing || columns) ? (
          choosing ? (
            <ColumnChoice
              header={file.header}
              columns={columns}
              onChoose={(next) => {
                setChoosing(false);
                send({ csv: file.text, columns: next });
              }}
            />
          ) : (
            <p className="text-xs text-slate-500">
              Columns read:{" "}
              {ACCOUNT_IMPORT_FIELDS.filter((f) => columns![f] !== null)
                .map((f) => `${ACCOUNT_IMPORT_TITLES[f]} = column ${columns![f]! + 1}`)
                .join(", ")}
              .{" "}
              <button type="button" className="text-brand-700 hover:underline" onClick={() => setChoosing(true)}>
                Choose other columns
              </button>
            </p>
          )
        ) : null}
        {run.isPending ? (
          <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
            <Spinner /> {run.variables?.apply ? "Applying…" : "Checking the file…"}
          </p>
        ) : null}
        {run.isError ? (
          <Alert tone="danger">
            {Object.values(fieldErrorsOf(run.error)).flat().join(" ") || messageOf(run.error)}
          </Alert>
        ) : null}
        {report && file && !run.isPending ? (
          <div className="grid gap-3" data-testid="accounts-import-report">
            <Alert tone={report.applied ? "success" : "info"}>
              {report.applied ? "Applied " : "Dry run of "}
              {file.name}: {report.rows} {report.rows === 1 ? "row" : "rows"} — {report.updated}{" "}
              {report.updated === 1 ? "account" : "accounts"} {report.applied ? "changed" : "would change"},{" "}
              {report.unchanged} already so, {report.setAside.length} set aside.
              {report.applied ? " Each change is in the audit trail." : " Nothing has changed yet."}
            </Alert>
            <SetAsideTable rows={report.setAside} />
            {!report.applied && report.updated > 0 ? (
              <div>
                <Button onClick={() => send({ csv: file.text, columns, apply: true })}>
                  <Upload aria-hidden /> Apply {report.updated} {report.updated === 1 ? "change" : "changes"}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

const NONE = -1;

function ColumnChoice({
  header,
  columns,
  onChoose,
}: {
  header: string[];
  columns?: Columns;
  onChoose: (columns: Columns) => void;
}) {
  const [chosen, setChosen] = useState<Record<AccountImportField, number>>(
    () =>
      Object.fromEntries(ACCOUNT_IMPORT_FIELDS.map((f) => [f, columns?.[f] ?? NONE])) as Record<
        AccountImportField,
        number
      >,
  );
  const used = ACCOUNT_IMPORT_FIELDS.map((f) => chosen[f]).filter((c) => c !== NONE);
  const clash = new Set(used).size !== used.length;
  return (
    <fieldset className="grid gap-3 rounded-md bg-slate-50 p-3">
      <legend className="sr-only">Which column holds what</legend>
      <div className="flex flex-wrap items-end gap-3">
        {ACCOUNT_IMPORT_FIELDS.map((field) => (
          <div key={field}>
            <Label htmlFor={`column-${field}`}>{ACCOUNT_IMPORT_TITLES[field]} column</Label>
            <Select
              id={`column-${field}`}
              value={chosen[field]}
              onChange={(e) => setChosen((c) => ({ ...c, [field]: Number(e.target.value) }))}
            >
              <option value={NONE}>{field === "npi" ? "Choose…" : "Not in the file"}</option>
              {header.map((cell, i) => (
                <option key={i} value={i}>
                  Column {i + 1}
                  {cell ? `: ${cell.slice(0, 40)}` : ""}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      {clash ? <p className="text-sm text-red-600">Choose a different column for each field.</p> : null}
      <div>
        <Button
          variant="secondary"
          disabled={chosen.npi === NONE || used.length < 2 || clash}
          onClick={() =>
            onChoose({
              npi: chosen.npi,
              ...Object.fromEntries(
                ACCOUNT_IMPORT_FIELDS.filter((f) => f !== "npi").map((f) => [f, chosen[f] === NONE ? null : chosen[f]]),
              ),
            } as Columns)
          }
        >
          Check with these columns
        </Button>
      </div>
    </fieldset>
  );
}
