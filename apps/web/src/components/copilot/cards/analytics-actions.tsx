"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { saveBlob } from "~/lib/download";
import { messageOf, useTRPC } from "~/trpc/react";
import { Check, Download, FileSpreadsheet, Pin } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import type { AnalyticsResult, SemanticQuery } from "@pharmacrm/domain";
import { Button } from "@pharmacrm/ui";

import { csvOf } from "./analytics-figures";

const fileName = (title: string, extension: string) =>
  `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "analytics"
  }.${extension}`;

const save = saveBlob;

/** CSV and Excel of exactly what the card shows. */
export function ExportButtons({ result, title }: { result: AnalyticsResult; title: string }) {
  const [excel, setExcel] = useState<"idle" | "writing" | "failed">("idle");
  const writeExcel = async () => {
    setExcel("writing");
    try {
      const { excelOf } = await import("./analytics-excel");
      const buffer = await excelOf(result, title);
      save(
        new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
        fileName(title, "xlsx"),
      );
      setExcel("idle");
    } catch {
      setExcel("failed");
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => save(new Blob([csvOf(result)], { type: "text/csv;charset=utf-8" }), fileName(title, "csv"))}
        data-testid="analytics-csv"
      >
        <Download /> CSV
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => void writeExcel()}
        disabled={excel === "writing"}
        data-testid="analytics-excel"
      >
        <FileSpreadsheet /> {excel === "writing" ? "Writing…" : "Excel"}
      </Button>
      {excel === "failed" ? (
        <span role="alert" className="self-center text-red-700">
          The Excel file could not be written. Try again, or use CSV.
        </span>
      ) : null}
    </>
  );
}

/** Pins the question, as it stands on the card, to the person's dashboard. */
export function PinButton({ query, title }: { query: SemanticQuery; title: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pin = useMutation(
    trpc.analytics.pin.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.analytics.pins.queryKey() }),
    }),
  );
  // Pinning again after the card changed pins the changed question.
  const [pinned, setPinned] = useState<string | null>(null);
  const key = JSON.stringify(query);
  if (pin.isSuccess && pinned === key) {
    return (
      <span className="flex items-center gap-1.5 self-center" data-testid="analytics-pinned">
        <Check className="size-3.5 text-emerald-600" aria-hidden /> Pinned to{" "}
        <Link href="/analytics" className="font-medium text-brand-700 underline">
          your dashboard
        </Link>
      </span>
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={pin.isPending}
        onClick={() => {
          setPinned(key);
          pin.mutate({ title, query });
        }}
        data-testid="analytics-pin"
      >
        <Pin /> {pin.isPending ? "Pinning…" : "Pin to dashboard"}
      </Button>
      {pin.error ? (
        <span role="alert" className="self-center text-red-700">
          {messageOf(pin.error)}
        </span>
      ) : null}
    </>
  );
}
