"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { AlertCircle, AlertTriangle, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import type { z } from "zod";

import { callReportInput } from "@pharmacrm/domain/call-report-input";
import { Alert, Button, Checkbox, FieldError, Input, Label, Skeleton, Spinner, Textarea } from "@pharmacrm/ui";

import { ChannelPicker } from "./channel-picker";
import { SampleLines } from "./sample-lines";
import { SignatureField } from "./signature-pad";

type Fields = z.input<typeof callReportInput>;
type Report = z.output<typeof callReportInput>;

const samplesKeyOf = (samples: readonly { productId?: string; lotNumber?: string; quantity?: number }[]) =>
  JSON.stringify(samples.map((s) => [s.productId ?? "", (s.lotNumber ?? "").toUpperCase(), s.quantity ?? 0]));

/** "YYYY-MM-DDTHH:mm" in the browser's zone: the value a datetime-local input takes. */
export function localDateTimeValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export interface CallReportFormProps {
  npi: string;
  /** An existing draft to go on with; a new report when absent. */
  draft?: { id: string; report: Report; unlockReason?: string | null };
  onDone: (outcome: { status: "submitted" | "draft" | "deleted"; id: string }) => void;
  onCancel?: () => void;
}

/**
 * The call report (Veeva's conventions): channel, when, products in the order discussed, samples by lot with the
 * physician's signature, notes and a follow-up. Save as a draft at any time; submit checks the org's rules, writes
 * the samples to the stock and locks the call.
 */
export function CallReportForm({ npi, draft, onDone, onCancel }: CallReportFormProps) {
  const trpc = useTRPC();
  const uid = useId();
  const queryClient = useQueryClient();
  const [draftId, setDraftId] = useState(draft?.id);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The form mounts when it is opened, so "now" is the moment the rep opened it.
  const [now] = useState(() => localDateTimeValue(new Date()));

  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const stock = useQuery(trpc.samples.stock.queryOptions({}));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.interaction.pathKey() });
  const save = useMutation(trpc.interaction.saveDraft.mutationOptions({ onSuccess: invalidate }));
  const submit = useMutation(
    trpc.interaction.submit.mutationOptions({
      onSuccess: () => {
        void invalidate();
        void queryClient.invalidateQueries({ queryKey: trpc.samples.pathKey() });
      },
    }),
  );
  const remove = useMutation(trpc.interaction.deleteDraft.mutationOptions({ onSuccess: invalidate }));

  const form = useForm<Fields, unknown, Report>({
    resolver: zodResolver(callReportInput),
    defaultValues: draft
      ? {
          ...draft.report,
          occurredAt: localDateTimeValue(new Date(draft.report.occurredAt)) as unknown as Date,
        }
      : {
          npi,
          channel: "in_person",
          occurredAt: now as unknown as Date,
          productIds: [],
          samples: [],
        },
  });
  const { errors } = form.formState;
  const [channel, occurredAt, sampleLines, signature] = useWatch({
    control: form.control,
    name: ["channel", "occurredAt", "samples", "signature"],
  });
  const when = new Date(occurredAt as unknown as string);
  const warnings = useQuery(
    trpc.interaction.warnings.queryOptions(
      {
        npi,
        channel: channel ?? "in_person",
        occurredAt: Number.isNaN(when.getTime()) ? "" : when.toISOString(),
        withSamples: (sampleLines?.length ?? 0) > 0,
      },
      { enabled: !Number.isNaN(when.getTime()) },
    ),
  );

  const sampleable = products.data?.filter((p) => p.sampleable) ?? [];
  const pending = save.isPending || submit.isPending || remove.isPending || form.formState.isSubmitting;
  const needsSignature = channel === "in_person" && (sampleLines?.length ?? 0) > 0;
  // A signature acknowledges the samples it was given for: after a change it is not sent (the server drops it too).
  const samplesKey = samplesKeyOf(sampleLines ?? []);
  const [signedFor, setSignedFor] = useState(() =>
    draft?.report.signature?.length ? samplesKeyOf(draft.report.samples) : null,
  );
  const signatureStale = Boolean(signature?.length) && signedFor !== samplesKey;

  /** Server-side field errors (zod, or the submit rules) shown on their fields. */
  function showProblems(problems: { field: string; message: string }[]) {
    for (const p of problems) form.setError((p.field || "root") as FieldPath<Fields>, { message: p.message });
  }
  async function saveDraft(values: Report) {
    setNotice(null);
    try {
      const row = await save.mutateAsync({
        ...values,
        signature: signatureStale ? undefined : values.signature,
        id: draftId,
      });
      setDraftId(row.id);
      setSavedAt(new Date(row.updatedAt));
      return row.id;
    } catch (error) {
      showProblems(
        Object.entries(fieldErrorsOf(error)).map(([field, messages]) => ({
          field,
          message: (messages ?? []).join(" "),
        })),
      );
      if (Object.keys(fieldErrorsOf(error)).length === 0) setNotice(messageOf(error));
      return null;
    }
  }
  const onSaveDraft = form.handleSubmit(async (values) => {
    const id = await saveDraft(values);
    if (id) onDone({ status: "draft", id });
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const id = await saveDraft(values);
    if (!id) return;
    try {
      const result = await submit.mutateAsync({ id });
      if (result.status === "submitted") return onDone({ status: "submitted", id });
      showProblems(result.problems);
      setNotice("Not submitted: it is saved as a draft. Fix what is marked and submit again.");
    } catch (error) {
      setNotice(messageOf(error));
    }
  });

  const fieldMessage = (message: string | undefined) => (message ? [message] : null);

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Call report"
      className="space-y-4 border-b border-slate-100 bg-slate-50/60 px-4 py-4"
    >
      {draft?.unlockReason ? (
        <Alert tone="warning" icon={<AlertTriangle />}>
          An admin unlocked this call: “{draft.unlockReason}”. Correct it and submit again.
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="danger" icon={<AlertCircle />} data-testid="call-report-notice">
          {notice}
        </Alert>
      ) : null}
      {errors.root?.message ? <Alert tone="danger">{errors.root.message}</Alert> : null}
      {warnings.data?.length ? (
        <Alert tone="warning" icon={<AlertTriangle />} data-testid="call-warnings">
          <ul className="space-y-1">
            {warnings.data.map((w) => (
              <li key={w.kind}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Channel</legend>
          <Controller
            control={form.control}
            name="channel"
            render={({ field }) => <ChannelPicker name={field.name} value={field.value} onChange={field.onChange} />}
          />
          <FieldError messages={fieldMessage(errors.channel?.message)} />
        </fieldset>
        <div>
          <Label htmlFor={`${uid}-when`}>Date and time</Label>
          <Input
            id={`${uid}-when`}
            type="datetime-local"
            className="mt-1.5"
            max={now}
            {...form.register("occurredAt")}
            aria-invalid={errors.occurredAt ? true : undefined}
            aria-describedby={`${uid}-when-error`}
          />
          <FieldError id={`${uid}-when-error`} messages={fieldMessage(errors.occurredAt?.message)} />
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Products discussed</legend>
        <p className="text-xs text-slate-500">In the order you discussed them: the first is the primary detail.</p>
        {products.isPending ? (
          <Skeleton className="mt-2 h-5 w-64" />
        ) : products.isError ? (
          <Alert tone="danger">{messageOf(products.error)}</Alert>
        ) : products.data.length > 0 ? (
          <Controller
            control={form.control}
            name="productIds"
            render={({ field }) => {
              const chosen = field.value ?? [];
              return (
                <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-2">
                  {products.data.map((p) => {
                    const rank = chosen.indexOf(p.id);
                    return (
                      <label
                        key={p.id}
                        className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-800"
                      >
                        <Checkbox
                          checked={rank >= 0}
                          onChange={(e) =>
                            field.onChange(e.target.checked ? [...chosen, p.id] : chosen.filter((x) => x !== p.id))
                          }
                        />
                        {rank >= 0 ? (
                          <span
                            className="inline-flex size-5 items-center justify-center rounded-full bg-brand-600 text-[11px] font-semibold text-white"
                            aria-label={`discussed ${rank + 1}${rank === 0 ? "st" : rank === 1 ? "nd" : rank === 2 ? "rd" : "th"}`}
                          >
                            {rank + 1}
                          </span>
                        ) : null}
                        {p.name}
                        {p.genericName ? (
                          <span className="text-xs text-slate-500">{p.genericName.toLowerCase()}</span>
                        ) : null}
                      </label>
                    );
                  })}
                </div>
              );
            }}
          />
        ) : (
          <p className="mt-1 text-sm text-slate-500">Your organisation has no active products.</p>
        )}
        <FieldError messages={fieldMessage(errors.productIds?.message)} />
      </fieldset>

      {sampleable.length > 0 ? (
        <SampleLines form={form} sampleable={sampleable} lots={stock.data?.lots} stockPending={stock.isPending} />
      ) : null}

      {needsSignature || signature?.length ? (
        <div>
          <Label htmlFor={`${uid}-signature`}>Physician's signature</Label>
          <div className="mt-1.5">
            <Controller
              control={form.control}
              name="signature"
              render={({ field }) => (
                <SignatureField
                  id={`${uid}-signature`}
                  value={field.value}
                  onChange={(strokes) => {
                    field.onChange(strokes);
                    setSignedFor(strokes ? samplesKey : null);
                  }}
                  invalid={Boolean(errors.signature)}
                  describedBy={`${uid}-signature-error`}
                />
              )}
            />
          </div>
          {signatureStale ? (
            <p className="mt-1 text-xs text-amber-700" data-testid="signature-stale">
              The samples changed after the physician signed: clear the pad and ask them to sign again.
            </p>
          ) : null}
          <FieldError id={`${uid}-signature-error`} messages={fieldMessage(errors.signature?.message)} />
        </div>
      ) : null}

      <div>
        <Label htmlFor={`${uid}-notes`}>Notes</Label>
        <Textarea
          id={`${uid}-notes`}
          className="mt-1.5"
          placeholder="What was discussed, objections, next steps"
          maxLength={4000}
          aria-invalid={errors.notes ? true : undefined}
          {...form.register("notes", { setValueAs: (v: string) => v || undefined })}
        />
        <FieldError messages={fieldMessage(errors.notes?.message)} />
      </div>

      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <div>
          <Label htmlFor={`${uid}-follow-up`}>Follow-up</Label>
          <Input
            id={`${uid}-follow-up`}
            className="mt-1.5"
            placeholder="e.g. Bring the formulary update"
            maxLength={1000}
            aria-invalid={errors.followUp ? true : undefined}
            {...form.register("followUp", { setValueAs: (v: string) => v || undefined })}
          />
          <FieldError messages={fieldMessage(errors.followUp?.message)} />
        </div>
        <div>
          <Label htmlFor={`${uid}-follow-up-date`}>Follow up by</Label>
          <Input
            id={`${uid}-follow-up-date`}
            type="date"
            className="mt-1.5"
            aria-invalid={errors.followUpDate ? true : undefined}
            {...form.register("followUpDate", { setValueAs: (v: string) => v || undefined })}
          />
          <FieldError messages={fieldMessage(errors.followUpDate?.message)} />
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-end gap-2">
        {savedAt ? (
          <span className="mr-auto text-xs text-slate-500" role="status">
            Draft saved at {savedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.
          </span>
        ) : null}
        {draftId ? (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Delete this draft? It cannot be undone.")) return;
              remove.mutate({ id: draftId }, { onSuccess: () => onDone({ status: "deleted", id: draftId }) });
            }}
          >
            <Trash2 /> Delete draft
          </Button>
        ) : null}
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
        <Button variant="secondary" disabled={pending} onClick={() => void onSaveDraft()}>
          {save.isPending && !submit.isPending ? <Spinner /> : null}
          Save draft
        </Button>
        <Button type="submit" disabled={pending}>
          {submit.isPending ? <Spinner /> : null}
          Submit
        </Button>
      </div>
      <p className="text-right text-xs text-slate-500">A submitted call is locked: only an admin can reopen it.</p>
    </form>
  );
}
