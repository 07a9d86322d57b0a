"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { CircleCheck, Info, TriangleAlert, Upload } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import type { Dataset } from "@pharmacrm/ingest";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  FieldError,
  Input,
  Label,
  Select,
  Spinner,
} from "@pharmacrm/ui";

import { datasetInfo, datasets } from "./labels";
import { uploadImportFile, type UploadAnswer } from "./upload-file";

type Source = "upload" | "server";
type Errors = Partial<Record<"dataset" | "file" | "year" | "release" | "headerFile", string[] | undefined>>;

/** Start an import: dataset, then a file to upload or a server path / URL, optional year and release. */
export function ImportForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset | "">("");
  const [source, setSource] = useState<Source>("upload");
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState("");
  const [headerFile, setHeaderFile] = useState("");
  const [year, setYear] = useState("");
  const [release, setRelease] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ answer?: UploadAnswer; error?: string }>({});

  const startImport = useMutation(trpc.data.startImport.mutationOptions());
  const busy = uploadPercent !== null || startImport.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!dataset) found.dataset = ["Choose the dataset this file belongs to."];
    if (source === "upload" && !file) found.file = ["Choose a file to upload."];
    if (source === "server" && !path.trim())
      found.file = ["Give the file's name in the server's import folder, or an http(s) URL."];
    const yearNumber = year.trim() === "" ? undefined : Number(year);
    if (yearNumber !== undefined && (!Number.isInteger(yearNumber) || yearNumber < 2010 || yearNumber > 2100))
      found.year = ["A data year such as 2023."];
    setErrors(found);
    setOutcome({});
    if (Object.keys(found).length > 0 || !dataset) return;
    const fields = { dataset, year: yearNumber, release: release.trim() || undefined };
    try {
      let answer: UploadAnswer;
      if (source === "upload") {
        setUploadPercent(0);
        answer = await uploadImportFile(file!, fields, setUploadPercent);
      } else {
        answer = await startImport.mutateAsync({
          ...fields,
          file: path.trim(),
          headerFile: headerFile.trim() || undefined,
        });
      }
      setOutcome({ answer });
      await queryClient.invalidateQueries({ queryKey: trpc.data.pathKey() });
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
      setOutcome({ error: error instanceof Error && !("data" in error) ? error.message : messageOf(error) });
    } finally {
      setUploadPercent(null);
    }
  }

  return (
    <Card aria-labelledby="import-title">
      <CardHeader>
        <div>
          <CardTitle id="import-title">Import a file</CardTitle>
          <CardDescription>
            CSV files as CMS publishes them, shared by every organisation. Large files (over 2 GB): copy them to the
            server&apos;s import folder and give their name.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
          <div className="space-y-1.5">
            <Label htmlFor="import-dataset">Dataset</Label>
            <Select
              id="import-dataset"
              value={dataset}
              onChange={(e) => setDataset(e.target.value as Dataset | "")}
              aria-invalid={Boolean(errors.dataset)}
              aria-describedby="import-dataset-error"
            >
              <option value="">Choose a dataset…</option>
              {datasets.map((d) => (
                <option key={d} value={d}>
                  {datasetInfo[d].label}
                </option>
              ))}
            </Select>
            {dataset ? <p className="font-mono text-xs text-slate-500">{datasetInfo[dataset].file}</p> : null}
            <FieldError id="import-dataset-error" messages={errors.dataset} />
          </div>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">File</legend>
            <div className="flex gap-4 text-sm">
              {(["upload", "server"] as const).map((option) => (
                <label key={option} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="import-source"
                    value={option}
                    checked={source === option}
                    onChange={() => setSource(option)}
                  />
                  {option === "upload" ? "Upload a file" : "Import folder or URL"}
                </label>
              ))}
            </div>
            {source === "upload" ? (
              <Input
                type="file"
                aria-label="File to upload"
                accept=".csv,.txt,text/csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                aria-invalid={Boolean(errors.file)}
                aria-describedby="import-file-error"
              />
            ) : (
              <>
                <Input
                  aria-label="File in the import folder, or URL"
                  placeholder="MUP_DPR_RY24_P04_V10_DY22_NPIBN.csv or https://…"
                  value={path}
                  onChange={(e) => setPath(e.target.value)}
                  aria-invalid={Boolean(errors.file)}
                  aria-describedby="import-file-error import-path-hint"
                />
                <p id="import-path-hint" className="text-xs text-slate-500">
                  A name or path inside the server&apos;s import folder (IMPORT_DIR), or a public http(s) address.
                </p>
              </>
            )}
            <FieldError id="import-file-error" messages={errors.file} />
            {dataset === "nppes" && source === "server" ? (
              <div className="space-y-1.5">
                <Label htmlFor="import-header">Header file (NPPES files from 2017 and earlier)</Label>
                <Input
                  id="import-header"
                  placeholder="npidata_20050523-20170813FileHeader.csv"
                  value={headerFile}
                  onChange={(e) => setHeaderFile(e.target.value)}
                />
                <FieldError messages={errors.headerFile} />
              </div>
            ) : null}
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2 md:col-span-2 md:grid-cols-[10rem_minmax(0,16rem)_1fr] md:items-end">
            <div className="space-y-1.5">
              <Label htmlFor="import-year">Data year (optional)</Label>
              <Input
                id="import-year"
                inputMode="numeric"
                placeholder="2023"
                value={year}
                onChange={(e) => setYear(e.target.value)}
                aria-invalid={Boolean(errors.year)}
              />
              <FieldError messages={errors.year} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="import-release">Release label (optional)</Label>
              <Input
                id="import-release"
                placeholder="From the file name"
                value={release}
                onChange={(e) => setRelease(e.target.value)}
              />
              <FieldError messages={errors.release} />
            </div>
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={busy}>
                {busy ? <Spinner /> : <Upload />}
                {uploadPercent !== null ? `Uploading… ${uploadPercent} %` : busy ? "Starting…" : "Start import"}
              </Button>
            </div>
          </div>
        </form>
        <div className="mt-4 empty:hidden" aria-live="polite">
          {outcome.error ? (
            <Alert tone="danger" icon={<TriangleAlert />} title="The import did not start">
              {outcome.error}
            </Alert>
          ) : outcome.answer ? (
            <Alert
              tone={outcome.answer.alreadyLoaded ? "info" : "success"}
              icon={outcome.answer.alreadyLoaded ? <Info /> : <CircleCheck />}
              title={
                outcome.answer.alreadyLoaded ? "This exact file was loaded before: nothing to do" : "Import started"
              }
            >
              <Link href={`/admin/data/runs/${outcome.answer.runId}`} className="underline">
                See the run
              </Link>
            </Alert>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
