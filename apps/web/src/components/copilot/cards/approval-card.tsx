"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCalendarDate, formatPlaceName } from "~/lib/format";
import { channelName } from "~/lib/labels";
import { useTRPC } from "~/trpc/react";
import { CheckCircle2, Pencil, PenLine, TriangleAlert, XCircle } from "lucide-react";
import { useState, type ReactNode } from "react";

import { Button, Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import type { ToolPartOf } from "../types";
import { ApprovalEditor, EDITABLE, type Draft } from "./approval-editor";

type WriteTool =
  "logInteraction" | "createTask" | "completeTask" | "rescheduleTask" | "recordConsent" | "updateAccount";
/** The tool's input in every state of its part (partial while streaming). */
type InputOf<T extends WriteTool> =
  ToolPartOf<T> extends infer P ? (P extends { input?: infer I } ? NonNullable<I> : never) : never;
type WriteInput = InputOf<WriteTool>;

function when(value: string | undefined): string {
  if (!value) return "—";
  return value.length > 10
    ? new Date(value).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })
    : formatCalendarDate(value);
}

/** The physician by name and place from the registry, with the NPI that will be saved; the NPI alone until known. */
function Physician({ npi }: { npi: string }) {
  const trpc = useTRPC();
  const identity = useQuery(trpc.hcp.identity.queryOptions({ npi }, { staleTime: 10 * 60_000, retry: 2 }));
  if (!identity.data) return <span className="tabular-nums">NPI {npi}</span>;
  const { name, credential, city, state } = identity.data;
  const place = [formatPlaceName(city), state].filter(Boolean).join(", ");
  return (
    <span>
      <span className="font-medium">{credential ? `${name}, ${credential}` : name}</span>
      {place ? <span className="text-slate-500"> · {place}</span> : null}
      <span className="text-slate-500 tabular-nums"> · NPI {npi}</span>
    </span>
  );
}

/** What the person should know before approving a call: revoked consent for its channel, a call just logged. */
function CallWarnings({ input }: { input: InputOf<"logInteraction"> }) {
  const trpc = useTRPC();
  const { npi, channel, occurredAt } = input;
  const ready = Boolean(npi && channel && occurredAt);
  const warnings = useQuery(
    trpc.interaction.warnings.queryOptions(
      {
        npi: npi ?? "",
        channel: channel ?? "in_person",
        occurredAt: occurredAt ?? "",
        withSamples: (input.samples?.length ?? 0) > 0,
      },
      { enabled: ready, staleTime: 60_000, retry: false },
    ),
  );
  if (!warnings.data?.length) return null;
  return (
    <ul
      className="mx-4 mb-1 space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="call-warnings"
    >
      {warnings.data.map((w) => (
        <li key={w.kind} className="flex items-start gap-1.5">
          <TriangleAlert className="mt-0.5 size-3.5 shrink-0 text-amber-600" aria-hidden /> {w.message}
        </li>
      ))}
    </ul>
  );
}

const orNone = (value: string | null | undefined, none = "—") => (value ? value : none);

/** Exactly what the write tool will store, field by field, as the model asked for it. */
function rowsOf(tool: WriteTool, input: WriteInput): [string, ReactNode][] {
  switch (tool) {
    case "logInteraction": {
      const call = input as InputOf<"logInteraction">;
      return [
        ["Physician", call.npi ? <Physician npi={call.npi} /> : "—"],
        ["Channel", call.channel ? channelName(call.channel) : "—"],
        ["When", when(call.occurredAt)],
        ["Products discussed", call.products?.length ? call.products.join(", ") : "none"],
        [
          "Samples",
          call.samples?.length ? call.samples.map((s) => `${s?.quantity} × ${s?.product}`).join(", ") : "none",
        ],
        ["Notes", orNone(call.notes)],
        [
          "Follow-up task",
          call.followUp || call.followUpDate
            ? `${call.followUp || "Follow up"}${call.followUpDate ? ` (due ${formatCalendarDate(call.followUpDate)})` : ""}`
            : "—",
        ],
      ];
    }
    case "completeTask": {
      const change = input as InputOf<"completeTask">;
      return [
        ["Task", orNone(change.title)],
        ["Change", "Mark done"],
      ];
    }
    case "rescheduleTask": {
      const change = input as InputOf<"rescheduleTask">;
      return [
        ["Task", orNone(change.title)],
        ["New due date", change.dueDate ? formatCalendarDate(change.dueDate) : "—"],
      ];
    }
    case "recordConsent": {
      const consent = input as InputOf<"recordConsent">;
      return [
        ["Physician", consent.npi ? <Physician npi={consent.npi} /> : "—"],
        ["Channel", consent.channel ? channelName(consent.channel) : "—"],
        ["Product", orNone(consent.product, "all products")],
        [
          "Consent",
          consent.status === "revoked" ? "Opt-out (revoked)" : consent.status === "granted" ? "Opt-in (granted)" : "—",
        ],
        ["Source", orNone(consent.source)],
      ];
    }
    case "updateAccount": {
      const account = input as InputOf<"updateAccount">;
      return [
        ["Physician", account.npi ? <Physician npi={account.npi} /> : "—"],
        ...(account.tier !== undefined ? ([["Tier", orNone(account.tier)]] as [string, ReactNode][]) : []),
        ...(account.segment !== undefined ? ([["Segment", orNone(account.segment)]] as [string, ReactNode][]) : []),
        ...(account.notes !== undefined ? ([["Account notes", orNone(account.notes)]] as [string, ReactNode][]) : []),
      ];
    }
    case "createTask": {
      const task = input as InputOf<"createTask">;
      return [
        ["Title", task.title ?? "—"],
        ["Details", task.details || "—"],
        ["Physician", task.npi ? <Physician npi={task.npi} /> : "none"],
        ["Due", task.dueDate ? formatCalendarDate(task.dueDate) : "no due date"],
      ];
    }
  }
}

const titles: Record<WriteTool, string> = {
  logInteraction: "Log this interaction?",
  createTask: "Create this task?",
  completeTask: "Complete this task?",
  rescheduleTask: "Reschedule this task?",
  recordConsent: "Record this consent?",
  updateAccount: "Update this account?",
};

export function ApprovalCard({
  tool,
  input,
  state,
  closed = false,
  onAnswer,
}: {
  tool: WriteTool;
  input: WriteInput;
  /** requested: waiting for the person; approved / rejected: answered (the result follows). */
  state: "requested" | "approved" | "rejected";
  /** Rejected because the person moved on without answering (the server closed it). */
  closed?: boolean;
  onAnswer?: (approved: boolean, corrected?: Draft) => void;
}) {
  // Corrections stay on the card until the person approves; Cancel goes back to what was proposed.
  const [draft, setDraft] = useState<Draft | null>(null);
  const editing = state === "requested" && draft !== null;
  return (
    <Card
      data-testid="approval-card"
      data-tool={tool}
      data-state={state}
      className={state === "requested" ? "border-amber-300 ring-1 ring-amber-200" : undefined}
    >
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <PenLine className="size-4 text-amber-600" aria-hidden /> {titles[tool]}
          </CardTitle>
          <CardDescription>
            {editing
              ? "Correct any field, then approve: the corrected write is checked again and saved."
              : "Nothing is written until you approve. This is exactly what will be saved:"}
          </CardDescription>
        </div>
      </CardHeader>
      {editing ? (
        <ApprovalEditor tool={tool} draft={draft} set={(patch) => setDraft({ ...draft, ...patch })} />
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 px-4 py-3 text-sm">
          {rowsOf(tool, input).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {tool === "logInteraction" && state === "requested" ? (
        <CallWarnings input={input as InputOf<"logInteraction">} />
      ) : null}
      <CardFooter className="justify-end">
        {state === "requested" ? (
          <>
            {editing ? (
              <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
                Cancel changes
              </Button>
            ) : EDITABLE.has(tool) ? (
              <Button variant="ghost" size="sm" onClick={() => setDraft({ ...(input as Draft) })}>
                <Pencil aria-hidden /> Edit
              </Button>
            ) : null}
            <Button variant="secondary" size="sm" onClick={() => onAnswer?.(false)}>
              <XCircle aria-hidden /> Reject
            </Button>
            <Button size="sm" onClick={() => onAnswer?.(true, editing ? draft : undefined)}>
              <CheckCircle2 aria-hidden /> {editing ? "Approve with changes" : "Approve"}
            </Button>
          </>
        ) : (
          <span className={state === "approved" ? "font-medium text-emerald-700" : "font-medium text-slate-600"}>
            {state === "approved"
              ? "Approved"
              : closed
                ? "Not answered — nothing was written"
                : "Rejected — nothing was written"}
          </span>
        )}
      </CardFooter>
    </Card>
  );
}
