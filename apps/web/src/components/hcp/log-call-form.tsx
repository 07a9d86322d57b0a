"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { channelLabel } from "~/lib/labels";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { AlertCircle, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

import { CALL_CHANNELS, type CallChannel as Channel } from "@pharmacrm/domain/channels";
import {
  Alert,
  Button,
  Checkbox,
  cn,
  FieldError,
  Input,
  Label,
  Select,
  Skeleton,
  Spinner,
  Textarea,
} from "@pharmacrm/ui";

import { ChannelIcon } from "./channel-icon";

interface SampleLine {
  key: number;
  productId: string;
  quantity: string;
}

/** "YYYY-MM-DDTHH:mm" in the browser's zone: the value a datetime-local input takes. */
function localDateTimeValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

interface LogCallFormProps {
  npi: string;
  onCancel: () => void;
  onLogged: () => void;
}

export function LogCallForm({ npi, onCancel, onLogged }: LogCallFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const log = useMutation(trpc.interaction.log.mutationOptions());
  const [refreshing, startRefresh] = useTransition();

  // The form mounts when "Log a call" is clicked, so "now" is the moment the rep opened it.
  const [now] = useState(() => localDateTimeValue(new Date()));
  const [channel, setChannel] = useState<Channel>("in_person");
  const [occurredAt, setOccurredAt] = useState(now);
  const [productIds, setProductIds] = useState<string[]>([]);
  const [samples, setSamples] = useState<SampleLine[]>([]);
  const [notes, setNotes] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [followUpDate, setFollowUpDate] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});

  const serverErrors = fieldErrorsOf(log.error);
  const errors = (field: string) => localErrors[field] ?? serverErrors[field];
  const sampleable = products.data?.filter((p) => p.sampleable) ?? [];
  const pending = log.isPending || refreshing;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when = new Date(occurredAt);
    if (!occurredAt || Number.isNaN(when.getTime())) {
      setLocalErrors({ occurredAt: ["Enter when the call happened."] });
      return;
    }
    setLocalErrors({});
    log.mutate(
      {
        npi,
        channel,
        occurredAt: when,
        productIds,
        samples: samples
          .filter((s) => s.productId)
          .map((s) => ({ productId: s.productId, quantity: Number(s.quantity) })),
        notes: notes.trim() || undefined,
        followUp: followUp.trim() || undefined,
        followUpDate: followUpDate || undefined,
      },
      {
        // Re-render the page on the server so the new call appears in the timeline, then close.
        onSuccess: () =>
          startRefresh(() => {
            router.refresh();
            onLogged();
          }),
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Log a call"
      className="space-y-4 border-b border-slate-100 bg-slate-50/60 px-4 py-4"
    >
      {log.error ? (
        // With field errors this says "Please correct the highlighted fields."; otherwise it is the reason.
        <Alert tone="danger" icon={<AlertCircle />}>
          {messageOf(log.error)}
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Channel</legend>
          <div className="mt-1.5 inline-flex rounded-md bg-white shadow-xs ring-1 ring-slate-300" role="radiogroup">
            {CALL_CHANNELS.map((c) => (
              <label
                key={c}
                className={cn(
                  "inline-flex h-9 cursor-pointer items-center gap-1.5 border-l border-slate-200 px-3 text-sm first:rounded-l-md first:border-l-0 last:rounded-r-md",
                  "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                  channel === c ? "bg-brand-50 font-medium text-brand-800" : "text-slate-600 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="channel"
                  value={c}
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                  className="sr-only"
                />
                <ChannelIcon channel={c} className="size-4" />
                {channelLabel[c]}
              </label>
            ))}
          </div>
          <FieldError messages={errors("channel")} />
        </fieldset>
        <div>
          <Label htmlFor={`${id}-when`}>Date and time</Label>
          <Input
            id={`${id}-when`}
            type="datetime-local"
            className="mt-1.5"
            value={occurredAt}
            max={now}
            onChange={(e) => setOccurredAt(e.target.value)}
            aria-invalid={errors("occurredAt") ? true : undefined}
            aria-describedby={`${id}-when-error`}
          />
          <FieldError id={`${id}-when-error`} messages={errors("occurredAt")} />
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Products discussed</legend>
        {products.isPending ? (
          <Skeleton className="mt-2 h-5 w-64" />
        ) : products.data && products.data.length > 0 ? (
          <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-2">
            {products.data.map((p) => (
              <label key={p.id} className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-800">
                <Checkbox
                  checked={productIds.includes(p.id)}
                  onChange={(e) =>
                    setProductIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                  }
                />
                {p.name}
                {p.genericName ? <span className="text-xs text-slate-500">{p.genericName.toLowerCase()}</span> : null}
              </label>
            ))}
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-500">Your organisation has no active products.</p>
        )}
        <FieldError messages={errors("productIds")} />
      </fieldset>

      {sampleable.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Samples left</legend>
          <div className="mt-1.5 space-y-2">
            {samples.map((line, index) => (
              <div key={line.key} className="flex items-center gap-2">
                <Select
                  aria-label={`Sample ${index + 1} product`}
                  value={line.productId}
                  onChange={(e) =>
                    setSamples((all) => all.map((s) => (s.key === line.key ? { ...s, productId: e.target.value } : s)))
                  }
                  className="w-56"
                >
                  <option value="">Choose a product</option>
                  {sampleable.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
                <Input
                  aria-label={`Sample ${index + 1} quantity`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={500}
                  step={1}
                  value={line.quantity}
                  onChange={(e) =>
                    setSamples((all) => all.map((s) => (s.key === line.key ? { ...s, quantity: e.target.value } : s)))
                  }
                  className="w-24"
                />
                <span className="text-xs text-slate-500">units</span>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove sample ${index + 1}`}
                  onClick={() => setSamples((all) => all.filter((s) => s.key !== line.key))}
                >
                  <Trash2 />
                </Button>
              </div>
            ))}
            <Button
              variant="link"
              size="sm"
              onClick={() =>
                setSamples((all) => [
                  ...all,
                  { key: Date.now(), productId: sampleable.length === 1 ? sampleable[0]!.id : "", quantity: "1" },
                ])
              }
            >
              + Add a sample
            </Button>
          </div>
          <FieldError messages={errors("samples")} />
        </fieldset>
      ) : null}

      <div>
        <Label htmlFor={`${id}-notes`}>Notes</Label>
        <Textarea
          id={`${id}-notes`}
          className="mt-1.5"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          placeholder="What was discussed, objections, next steps"
          maxLength={4000}
          aria-invalid={errors("notes") ? true : undefined}
        />
        <FieldError messages={errors("notes")} />
      </div>

      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <div>
          <Label htmlFor={`${id}-follow-up`}>Follow-up</Label>
          <Input
            id={`${id}-follow-up`}
            className="mt-1.5"
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
            placeholder="e.g. Bring the formulary update"
            maxLength={1000}
            aria-invalid={errors("followUp") ? true : undefined}
          />
          <FieldError messages={errors("followUp")} />
        </div>
        <div>
          <Label htmlFor={`${id}-follow-up-date`}>Follow up by</Label>
          <Input
            id={`${id}-follow-up-date`}
            type="date"
            className="mt-1.5"
            value={followUpDate}
            onChange={(e) => setFollowUpDate(e.target.value)}
            aria-invalid={errors("followUpDate") ? true : undefined}
          />
          <FieldError messages={errors("followUpDate")} />
        </div>
      </div>

      <div className="flex items-center justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? (
            <>
              <Spinner /> Saving…
            </>
          ) : (
            "Save call"
          )}
        </Button>
      </div>
    </form>
  );
}
