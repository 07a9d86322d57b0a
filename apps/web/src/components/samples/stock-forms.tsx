"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { adjustSamplesInput, receiveSamplesInput } from "@pharmacrm/domain/call-report-input";
import { Alert, Button, FieldError, Input, Label, Select, Spinner } from "@pharmacrm/ui";

import type { StockLot } from "./sample-stock-screen";

function useStockMutationDone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.samples.pathKey() });
}

type ReceiveFields = z.input<typeof receiveSamplesInput>;

/** A shipment received: product, lot as printed on the box, units, expiry. */
export function ReceiveForm({ onDone }: { onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const done = useStockMutationDone();
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const receive = useMutation(trpc.samples.receive.mutationOptions({ onSuccess: done }));
  const form = useForm<ReceiveFields, unknown, z.output<typeof receiveSamplesInput>>({
    resolver: zodResolver(receiveSamplesInput),
    defaultValues: { productId: "", lotNumber: "", quantity: undefined as unknown as number },
  });
  const errors = form.formState.errors;
  const sampleable = products.data?.filter((p) => p.sampleable) ?? [];
  const submit = form.handleSubmit((values) =>
    receive.mutateAsync(values).then(
      (row) => {
        form.reset();
        onDone(`Recorded ${row.quantity} units of lot ${row.lotNumber}.`);
      },
      (error: unknown) => showFieldErrors(form, error),
    ),
  );
  const msg = (m?: string) => (m ? [m] : null);
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Record a shipment"
      className="grid gap-3 sm:grid-cols-2"
    >
      {receive.isError && Object.keys(fieldErrorsOf(receive.error)).length === 0 ? (
        <Alert tone="danger" className="sm:col-span-2">
          {messageOf(receive.error)}
        </Alert>
      ) : null}
      <div>
        <Label htmlFor={`${uid}-product`}>Product</Label>
        <Select
          id={`${uid}-product`}
          aria-invalid={errors.productId ? true : undefined}
          {...form.register("productId")}
        >
          <option value="">Choose a product</option>
          {sampleable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <FieldError messages={msg(errors.productId?.message)} />
      </div>
      <div>
        <Label htmlFor={`${uid}-lot`}>Lot number</Label>
        <Input
          id={`${uid}-lot`}
          maxLength={40}
          aria-invalid={errors.lotNumber ? true : undefined}
          {...form.register("lotNumber")}
        />
        <FieldError messages={msg(errors.lotNumber?.message)} />
      </div>
      <div>
        <Label htmlFor={`${uid}-quantity`}>Units received</Label>
        <Input
          id={`${uid}-quantity`}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          aria-invalid={errors.quantity ? true : undefined}
          {...form.register("quantity", { valueAsNumber: true })}
        />
        <FieldError messages={msg(errors.quantity?.message)} />
      </div>
      <div>
        <Label htmlFor={`${uid}-expires`}>Expires on</Label>
        <Input
          id={`${uid}-expires`}
          type="date"
          aria-invalid={errors.expiresOn ? true : undefined}
          {...form.register("expiresOn", { setValueAs: (v: string) => v || undefined })}
        />
        <FieldError messages={msg(errors.expiresOn?.message)} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? <Spinner /> : null} Record shipment
        </Button>
      </div>
    </form>
  );
}

type AdjustFields = z.input<typeof adjustSamplesInput>;

/** A correction of a lot's count, with its reason (damaged, expired, a count): never below zero. */
export function AdjustForm({
  lots,
  ownerId,
  onDone,
}: {
  lots: StockLot[];
  /** Another rep's stock (an admin reconciling). */
  ownerId?: string;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const uid = useId();
  const done = useStockMutationDone();
  const adjust = useMutation(trpc.samples.adjust.mutationOptions({ onSuccess: done }));
  const form = useForm<AdjustFields, unknown, z.output<typeof adjustSamplesInput>>({
    resolver: zodResolver(adjustSamplesInput),
    defaultValues: { ownerId, productId: "", lotNumber: "", quantity: undefined as unknown as number, reason: "" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    adjust.mutateAsync(values).then(
      (row) => {
        form.reset({ ownerId, productId: "", lotNumber: "", reason: "" });
        onDone(`Lot ${row.lotNumber} now has ${row.balance} units.`);
      },
      (error: unknown) => showFieldErrors(form, error),
    ),
  );
  const msg = (m?: string) => (m ? [m] : null);
  const [productId, lotNumber] = useWatch({ control: form.control, name: ["productId", "lotNumber"] });
  const chosen = `${productId}|${lotNumber}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Adjust a lot" className="grid gap-3 sm:grid-cols-2">
      {adjust.isError && Object.keys(fieldErrorsOf(adjust.error)).length === 0 ? (
        <Alert tone="danger" className="sm:col-span-2">
          {messageOf(adjust.error)}
        </Alert>
      ) : null}
      <div>
        <Label htmlFor={`${uid}-lot`}>Lot</Label>
        <Select
          id={`${uid}-lot`}
          value={chosen === "|" ? "" : chosen}
          aria-invalid={errors.lotNumber || errors.productId ? true : undefined}
          onChange={(e) => {
            const [productId = "", lotNumber = ""] = e.target.value.split("|");
            form.setValue("productId", productId);
            form.setValue("lotNumber", lotNumber);
          }}
        >
          <option value="">Choose a lot</option>
          {lots.map((l) => (
            <option key={`${l.productId}|${l.lotNumber}`} value={`${l.productId}|${l.lotNumber}`}>
              {l.product} · lot {l.lotNumber} · {l.balance} on hand
            </option>
          ))}
        </Select>
        <FieldError messages={msg(errors.productId?.message ?? errors.lotNumber?.message)} />
      </div>
      <div>
        <Label htmlFor={`${uid}-quantity`}>Units (+ add, − remove)</Label>
        <Input
          id={`${uid}-quantity`}
          type="number"
          inputMode="numeric"
          step={1}
          aria-invalid={errors.quantity ? true : undefined}
          {...form.register("quantity", { valueAsNumber: true })}
        />
        <FieldError messages={msg(errors.quantity?.message)} />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor={`${uid}-reason`}>Reason</Label>
        <Input
          id={`${uid}-reason`}
          maxLength={500}
          placeholder="e.g. Damaged box, physical count"
          aria-invalid={errors.reason ? true : undefined}
          {...form.register("reason")}
        />
        <FieldError messages={msg(errors.reason?.message)} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting || lots.length === 0}>
          {form.formState.isSubmitting ? <Spinner /> : null} Record adjustment
        </Button>
      </div>
    </form>
  );
}
