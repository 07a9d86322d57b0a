"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { channelName } from "~/lib/labels";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { CONSENT_CHANNELS } from "@pharmacrm/domain/channels";
import { CONSENT_SOURCES, recordConsentInput } from "@pharmacrm/domain/consent-input";
import { Alert, Button, FieldError, Label, Select, Spinner, Textarea } from "@pharmacrm/ui";

type ConsentFields = z.input<typeof recordConsentInput>;

const SOURCE_LABELS: Record<(typeof CONSENT_SOURCES)[number], string> = {
  "verbal at call": "Verbal, at a call",
  "signed form": "Signed form",
  "web form": "Web form",
  "email reply": "Email reply",
};

/**
 * Consent captured on the HCP page: opt in or out, per channel and product (or all products), how it was given and
 * its evidence. Appended to the history, never edited; the page then shows the new state everywhere.
 */
export function RecordConsent({ npi }: { npi: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const products = useQuery({ ...trpc.viewer.products.queryOptions(), enabled: open, staleTime: 5 * 60_000 });
  const record = useMutation(trpc.consent.record.mutationOptions());
  const form = useForm<ConsentFields>({
    resolver: zodResolver(recordConsentInput),
    defaultValues: { npi, channel: "email", productId: null, status: "granted", source: "signed form", evidence: "" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync(values);
      setSaved(
        `${values.status === "granted" ? "Opt-in" : "Opt-out"} for ${channelName(values.channel)} recorded. It applies from now on.`,
      );
      setOpen(false);
      form.reset({ ...values, evidence: "" });
      startRefresh(() => router.refresh());
    } catch (error) {
      showFieldErrors(form, error);
    }
  });

  if (!open)
    return (
      <div className="grid gap-2 px-4 py-3">
        {saved ? (
          <Alert tone="success" data-testid="consent-saved">
            {saved}
            {refreshing ? " Updating…" : ""}
          </Alert>
        ) : null}
        <div>
          <Button size="sm" variant="secondary" onClick={() => (setSaved(null), setOpen(true))}>
            <Plus aria-hidden /> Record consent
          </Button>
        </div>
      </div>
    );

  const problem = (name: keyof ConsentFields) => (errors[name]?.message ? [errors[name].message] : null);
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Record consent"
      className="grid gap-3 border-t border-slate-100 px-4 py-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="consent-channel">Channel</Label>
          <Select id="consent-channel" {...form.register("channel")}>
            {CONSENT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="consent-product">Products</Label>
          <Select
            id="consent-product"
            aria-describedby={errors.productId ? "consent-product-error" : undefined}
            {...form.register("productId", { setValueAs: (v: string | null) => v || null })}
          >
            <option value="">All products</option>
            {(products.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <FieldError id="consent-product-error" messages={problem("productId")} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Consent</legend>
          <div className="mt-1.5 flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" value="granted" {...form.register("status")} /> Opt in
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" value="revoked" {...form.register("status")} /> Opt out
            </label>
          </div>
        </fieldset>
        <div>
          <Label htmlFor="consent-source">How it was given</Label>
          <Select
            id="consent-source"
            aria-describedby={errors.source ? "consent-source-error" : undefined}
            {...form.register("source")}
          >
            {CONSENT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </Select>
          <FieldError id="consent-source-error" messages={problem("source")} />
        </div>
      </div>
      <div>
        <Label htmlFor="consent-evidence">Evidence (optional)</Label>
        <Textarea
          id="consent-evidence"
          rows={2}
          placeholder="Form reference, the reply's wording, what was said"
          aria-invalid={errors.evidence ? true : undefined}
          aria-describedby={errors.evidence ? "consent-evidence-error" : undefined}
          {...form.register("evidence")}
        />
        <FieldError id="consent-evidence-error" messages={problem("evidence")} />
      </div>
      {record.isError && Object.keys(fieldErrorsOf(record.error)).length === 0 ? (
        <Alert tone="danger">{messageOf(record.error)}</Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? <Spinner /> : null}
          Record
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
