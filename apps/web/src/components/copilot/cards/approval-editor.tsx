"use client";

// Correcting a proposed write on its card before approving: each field the write will store, as a form. What the
// person approves is sent back with the approval; the server checks it with the tool's own schema before it runs.
import { useQuery } from "@tanstack/react-query";
import { channelName } from "~/lib/labels";
import { useTRPC } from "~/trpc/react";
import { useId, type ReactNode } from "react";

import { CALL_CHANNELS, CONSENT_CHANNELS } from "@pharmacrm/domain/channels";
import { Checkbox, Input, Label, Select, Textarea } from "@pharmacrm/ui";

export type Draft = Record<string, unknown>;

/** The writes whose fields can be corrected (completing a task has nothing to correct). */
export const EDITABLE = new Set(["logInteraction", "createTask", "rescheduleTask", "recordConsent", "updateAccount"]);

const text = (v: unknown) => (typeof v === "string" ? v : "");
/** An optional text field: cleared means left out. */
const optional = (v: string) => (v.trim() === "" ? undefined : v);

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="contents">
      <Label htmlFor={id} className="self-center text-slate-500">
        {label}
      </Label>
      <div>{children(id)}</div>
    </div>
  );
}

function ChannelField({
  channels,
  value,
  onChange,
}: {
  channels: readonly string[];
  value: string;
  onChange: (channel: string) => void;
}) {
  return (
    <Field label="Channel">
      {(id) => (
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelName(c)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

function CallFields({ draft, set }: { draft: Draft; set: (patch: Draft) => void }) {
  const trpc = useTRPC();
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const discussed = (draft.products as string[] | undefined) ?? [];
  const samples = (draft.samples as { product: string; quantity: number }[] | undefined) ?? [];
  const quantity = (name: string) => samples.find((s) => s.product === name)?.quantity ?? 0;
  const setQuantity = (name: string, n: number) =>
    set({
      samples: [...samples.filter((s) => s.product !== name), ...(n > 0 ? [{ product: name, quantity: n }] : [])],
    });
  const when = text(draft.occurredAt);
  return (
    <>
      <ChannelField channels={CALL_CHANNELS} value={text(draft.channel)} onChange={(channel) => set({ channel })} />
      <Field label="Date">
        {(id) => (
          <Input
            id={id}
            type="date"
            value={when.slice(0, 10)}
            // A changed day drops the time of day the sentence gave.
            onChange={(e) => set({ occurredAt: e.target.value })}
          />
        )}
      </Field>
      <Field label="Products discussed">
        {() => (
          <div className="flex flex-wrap gap-3" role="group" aria-label="Products discussed">
            {(products.data ?? []).map((p) => (
              <label key={p.id} className="flex items-center gap-1.5 text-sm">
                <Checkbox
                  checked={discussed.includes(p.name)}
                  onChange={(e) =>
                    set({
                      products: e.target.checked ? [...discussed, p.name] : discussed.filter((name) => name !== p.name),
                    })
                  }
                />
                {p.name}
              </label>
            ))}
          </div>
        )}
      </Field>
      {(products.data ?? [])
        .filter((p) => p.sampleable)
        .map((p) => (
          <Field key={p.id} label={`${p.name} samples`}>
            {(id) => (
              <Input
                id={id}
                type="number"
                min={0}
                max={500}
                className="w-24"
                value={quantity(p.name)}
                onChange={(e) => setQuantity(p.name, Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
              />
            )}
          </Field>
        ))}
      <Field label="Notes">
        {(id) => (
          <Textarea id={id} value={text(draft.notes)} onChange={(e) => set({ notes: optional(e.target.value) })} />
        )}
      </Field>
      <Field label="Follow-up task">
        {(id) => (
          <Input id={id} value={text(draft.followUp)} onChange={(e) => set({ followUp: optional(e.target.value) })} />
        )}
      </Field>
      <Field label="Follow-up due">
        {(id) => (
          <Input
            id={id}
            type="date"
            value={text(draft.followUpDate)}
            onChange={(e) => set({ followUpDate: optional(e.target.value) })}
          />
        )}
      </Field>
    </>
  );
}

function ConsentFields({ draft, set }: { draft: Draft; set: (patch: Draft) => void }) {
  const trpc = useTRPC();
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  return (
    <>
      <ChannelField channels={CONSENT_CHANNELS} value={text(draft.channel)} onChange={(channel) => set({ channel })} />
      <Field label="Product">
        {(id) => (
          <Select id={id} value={text(draft.product)} onChange={(e) => set({ product: e.target.value || null })}>
            <option value="">All products</option>
            {(products.data ?? []).map((p) => (
              <option key={p.id} value={p.name}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Consent">
        {(id) => (
          <Select id={id} value={text(draft.status)} onChange={(e) => set({ status: e.target.value })}>
            <option value="granted">Opt-in (granted)</option>
            <option value="revoked">Opt-out (revoked)</option>
          </Select>
        )}
      </Field>
      <Field label="Source">
        {(id) => <Input id={id} value={text(draft.source)} onChange={(e) => set({ source: e.target.value })} />}
      </Field>
    </>
  );
}

/** The form for one write's fields; `set` merges a change into the draft. */
export function ApprovalEditor({ tool, draft, set }: { tool: string; draft: Draft; set: (patch: Draft) => void }) {
  const fields =
    tool === "logInteraction" ? (
      <CallFields draft={draft} set={set} />
    ) : tool === "recordConsent" ? (
      <ConsentFields draft={draft} set={set} />
    ) : (
      <>
        {tool === "createTask" ? (
          <Field label="Title">
            {(id) => <Input id={id} value={text(draft.title)} onChange={(e) => set({ title: e.target.value })} />}
          </Field>
        ) : null}
        {tool === "createTask" || tool === "rescheduleTask" ? (
          <Field label={tool === "createTask" ? "Due" : "New due date"}>
            {(id) => (
              <Input
                id={id}
                type="date"
                value={text(draft.dueDate)}
                onChange={(e) => set({ dueDate: optional(e.target.value) })}
              />
            )}
          </Field>
        ) : null}
        {tool === "updateAccount"
          ? (["tier", "segment", "notes"] as const).map((key) => (
              <Field key={key} label={key === "notes" ? "Account notes" : key === "tier" ? "Tier" : "Segment"}>
                {(id) => (
                  <Input id={id} value={text(draft[key])} onChange={(e) => set({ [key]: optional(e.target.value) })} />
                )}
              </Field>
            ))
          : null}
      </>
    );
  return (
    <div className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 px-4 py-3 text-sm" data-testid="approval-editor">
      {fields}
    </div>
  );
}
