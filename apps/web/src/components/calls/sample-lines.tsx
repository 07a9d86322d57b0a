"use client";

import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

import type { callReportInput } from "@pharmacrm/domain/call-report-input";
import { Button, FieldError, Input, Select } from "@pharmacrm/ui";

type Fields = z.input<typeof callReportInput>;
type Report = z.output<typeof callReportInput>;
type LineErrors = Partial<Record<"productId" | "lotNumber" | "quantity", { message?: string }>>;

interface SampleLinesProps {
  form: UseFormReturn<Fields, unknown, Report>;
  sampleable: { id: string; name: string }[];
  /** The rep's stock; a lot is offered while it has units on hand. */
  lots: { productId: string; lotNumber: string; balance: number; expiresOn: string | null }[] | undefined;
  stockPending: boolean;
}

/** The call report's samples: product, lot from the rep's stock, units; one line per sampled product. */
export function SampleLines({ form, sampleable, lots: stockLots, stockPending }: SampleLinesProps) {
  const samples = useFieldArray({ control: form.control, name: "samples" });
  const sampleLines = useWatch({ control: form.control, name: "samples" });
  const lotsOf = (productId: string) => stockLots?.filter((l) => l.productId === productId && l.balance > 0) ?? [];
  const sampleErrors = form.formState.errors.samples as
    (Record<number, LineErrors> & { message?: string; root?: { message?: string } }) | undefined;
  const fieldMessage = (message: string | undefined) => (message ? [message] : null);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Samples left</legend>
      <div className="mt-1.5 space-y-2">
        {samples.fields.map((line, index) => {
          const productId = sampleLines?.[index]?.productId ?? "";
          const lots = lotsOf(productId);
          const errs = sampleErrors?.[index];
          return (
            <div key={line.id}>
              <div className="flex flex-wrap items-center gap-2">
                <Select
                  aria-label={`Sample ${index + 1} product`}
                  className="w-48"
                  {...form.register(`samples.${index}.productId`)}
                >
                  <option value="">Choose a product</option>
                  {sampleable.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
                <Controller
                  control={form.control}
                  name={`samples.${index}.lotNumber`}
                  render={({ field }) => (
                    <Select
                      aria-label={`Sample ${index + 1} lot`}
                      className="w-64"
                      disabled={!productId}
                      aria-invalid={errs?.lotNumber ? true : undefined}
                      name={field.name}
                      value={field.value ?? ""}
                      onChange={(e) => field.onChange(e.target.value)}
                      onBlur={field.onBlur}
                    >
                      <option value="">{stockPending ? "Loading your stock…" : "Choose a lot"}</option>
                      {lots.map((l) => (
                        <option key={l.lotNumber} value={l.lotNumber}>
                          Lot {l.lotNumber} · {l.balance} on hand{l.expiresOn ? ` · exp ${l.expiresOn}` : ""}
                        </option>
                      ))}
                      {field.value && !lots.some((l) => l.lotNumber === field.value) ? (
                        <option value={field.value}>Lot {field.value} · none on hand</option>
                      ) : null}
                    </Select>
                  )}
                />
                <Input
                  aria-label={`Sample ${index + 1} quantity`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={500}
                  step={1}
                  className="w-24"
                  aria-invalid={errs?.quantity ? true : undefined}
                  {...form.register(`samples.${index}.quantity`, { valueAsNumber: true })}
                />
                <span className="text-xs text-slate-500">units</span>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove sample ${index + 1}`}
                  onClick={() => samples.remove(index)}
                >
                  <Trash2 />
                </Button>
              </div>
              {productId && !stockPending && lots.length === 0 ? (
                <p className="mt-1 text-xs text-amber-700">
                  No units of this product in your stock.{" "}
                  <Link href="/samples" className="underline">
                    Record a shipment received
                  </Link>
                  .
                </p>
              ) : null}
              <FieldError
                messages={[errs?.productId?.message, errs?.lotNumber?.message, errs?.quantity?.message].filter(
                  (m): m is string => Boolean(m),
                )}
              />
            </div>
          );
        })}
        <Button
          variant="link"
          size="sm"
          onClick={() =>
            samples.append({
              productId: sampleable.length === 1 ? sampleable[0]!.id : "",
              lotNumber: "",
              quantity: 1,
            })
          }
        >
          <Plus /> Add a sample
        </Button>
      </div>
      <FieldError messages={fieldMessage(sampleErrors?.message ?? sampleErrors?.root?.message)} />
    </fieldset>
  );
}
