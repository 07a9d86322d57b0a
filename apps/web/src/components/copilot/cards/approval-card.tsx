"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCalendarDate, formatPlaceName } from "~/lib/format";
import { channelName } from "~/lib/labels";
import { useTRPC } from "~/trpc/react";
import { CheckCircle2, PenLine, TriangleAlert, XCircle } from "lucide-react";
import type { ReactNode } from "react";

import { Button, Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import type { ToolPartOf } from "../types";

type WriteInput = NonNullable<ToolPartOf<"logInteraction">["input"]> | NonNullable<ToolPartOf<"createTask">["input"]>;

function when(value: string | undefined): string {
  if (!value) return "—";
  return value.length > 10
    ? new Date(value).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })
    : formatCalendarDate(value);
}

/** The physician by name and place from the registry, with the NPI that will be saved; the NPI alone until known. */
function Physician({ npi }: { npi: string }) {
  const trpc = useTRPC();
  const identity = useQuery(trpc.hcp.identity.queryOptions({ npi }, { staleTime: 10 * 60_000, retry: false }));
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
function CallWarnings({ input }: { input: NonNullable<ToolPartOf<"logInteraction">["input"]> }) {
  const trpc = useTRPC();
  const { npi, channel, occurredAt } = input;
  const ready = Boolean(npi && channel && occurredAt);
  const warnings = useQuery(
    trpc.interaction.warnings.queryOptions(
      { npi: npi ?? "", channel: channel ?? "in_person", occurredAt: occurredAt ?? "" },
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

/** Exactly what the write tool will store, field by field, as the model asked for it. */
function rowsOf(tool: "logInteraction" | "createTask", input: WriteInput): [string, ReactNode][] {
  if (tool === "logInteraction" && "channel" in input) {
    return [
      ["Physician", input.npi ? <Physician npi={input.npi} /> : "—"],
      ["Channel", input.channel ? channelName(input.channel) : "—"],
      ["When", when(input.occurredAt)],
      ["Products discussed", input.products?.length ? input.products.join(", ") : "none"],
      [
        "Samples",
        input.samples?.length ? input.samples.map((s) => `${s?.quantity} × ${s?.product}`).join(", ") : "none",
      ],
      ["Notes", input.notes || "—"],
      [
        "Follow-up",
        input.followUp
          ? `${input.followUp}${input.followUpDate ? ` (by ${formatCalendarDate(input.followUpDate)})` : ""}`
          : "—",
      ],
    ];
  }
  const task = input as NonNullable<ToolPartOf<"createTask">["input"]>;
  return [
    ["Title", task.title ?? "—"],
    ["Details", task.details || "—"],
    ["Physician", task.npi ? <Physician npi={task.npi} /> : "none"],
    ["Due", task.dueDate ? formatCalendarDate(task.dueDate) : "no due date"],
  ];
}

const titles = { logInteraction: "Log this interaction?", createTask: "Create this task?" } as const;

export function ApprovalCard({
  tool,
  input,
  state,
  closed = false,
  onAnswer,
}: {
  tool: "logInteraction" | "createTask";
  input: WriteInput;
  /** requested: waiting for the person; approved / rejected: answered (the result follows). */
  state: "requested" | "approved" | "rejected";
  /** Rejected because the person moved on without answering (the server closed it). */
  closed?: boolean;
  onAnswer?: (approved: boolean) => void;
}) {
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
          <CardDescription>Nothing is written until you approve. This is exactly what will be saved:</CardDescription>
        </div>
      </CardHeader>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 px-4 py-3 text-sm">
        {rowsOf(tool, input).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {tool === "logInteraction" && state === "requested" && "channel" in input ? <CallWarnings input={input} /> : null}
      <CardFooter className="justify-end">
        {state === "requested" ? (
          <>
            <Button variant="secondary" size="sm" onClick={() => onAnswer?.(false)}>
              <XCircle aria-hidden /> Reject
            </Button>
            <Button size="sm" onClick={() => onAnswer?.(true)}>
              <CheckCircle2 aria-hidden /> Approve
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
