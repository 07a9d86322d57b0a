"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { channelLabel } from "~/lib/labels";
import { fieldErrorsOf, messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { ChevronLeft, Lock, LockOpen, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  FieldError,
  Label,
  Skeleton,
  Spinner,
  Textarea,
} from "@pharmacrm/ui";

import { CallReportForm } from "./call-report-form";
import { SignatureImage } from "./signature-pad";

type Call = RouterOutputs["interaction"]["get"];

/** One call: its owner edits and submits a draft; a submitted call is read-only, and an admin may unlock it. */
export function CallScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const call = useQuery(trpc.interaction.get.queryOptions({ id }));
  const [done, setDone] = useState<string | null>(null);
  // After an admin's unlock the call is its rep's draft: nothing of it is the admin's to show any more.
  const [unlocked, setUnlocked] = useState(false);

  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <Link href="/calls" className="inline-flex w-fit items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft className="size-4" aria-hidden /> My calls
      </Link>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {unlocked ? null : call.isError && !call.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title={call.error.data?.code === "NOT_FOUND" ? "This call was not found" : "Could not load the call"}
            message={
              call.error.data?.code === "NOT_FOUND"
                ? "It may have been deleted, or it is another rep's draft or outside your territories."
                : messageOf(call.error)
            }
            onRetry={call.error.data?.code === "NOT_FOUND" ? undefined : () => void call.refetch()}
          />
        </Card>
      ) : call.isPending ? (
        <div role="status" className="grid gap-4">
          <span className="sr-only">Loading the call…</span>
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-80 w-full" />
        </div>
      ) : call.data.status === "draft" ? (
        <Card>
          <CardHeader>
            <div>
              <CardTitle>
                Call with{" "}
                <Link href={`/physicians/${call.data.report.npi}`} className="text-brand-700 hover:underline">
                  {call.data.physician}
                </Link>{" "}
                <Badge tone="warning">Draft</Badge>
              </CardTitle>
              <CardDescription>Last saved {new Date(call.data.savedAt).toLocaleString()}.</CardDescription>
            </div>
          </CardHeader>
          <CallReportForm
            key={id}
            npi={call.data.report.npi}
            draft={{ id, report: call.data.report, unlockReason: call.data.unlockReason }}
            onDone={({ status }) => {
              if (status === "deleted") return router.push("/calls");
              setDone(status === "submitted" ? "Call submitted and locked." : "Draft saved.");
              void call.refetch();
            }}
          />
        </Card>
      ) : (
        <SubmittedCall
          call={call.data}
          onUnlocked={() => {
            setUnlocked(true);
            setDone("Call unlocked: it is the rep's draft again, to correct and submit.");
          }}
        />
      )}
    </div>
  );
}

function SubmittedCall({ call, onUnlocked }: { call: Call; onUnlocked: () => void }) {
  const r = call.report;
  const rows: [string, React.ReactNode][] = [
    ["Channel", channelLabel[r.channel]],
    ["When", new Date(r.occurredAt).toLocaleString()],
    ["Logged by", call.owner],
    ["Products discussed", call.products.length ? call.products.map((p, i) => `${i + 1}. ${p.name}`).join("  ") : "—"],
    [
      "Samples",
      call.samples.length
        ? call.samples
            .map((s) => `${s.product} × ${s.quantity}${s.lotNumber ? ` (lot ${s.lotNumber})` : ""}`)
            .join(", ")
        : "—",
    ],
    ["Notes", r.notes ?? "—"],
    ["Follow-up", r.followUp ? `${r.followUp}${r.followUpDate ? ` by ${r.followUpDate}` : ""}` : "—"],
  ];
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>
            Call with{" "}
            <Link href={`/physicians/${r.npi}`} className="text-brand-700 hover:underline">
              {call.physician}
            </Link>{" "}
            <Badge tone="neutral">
              <Lock className="size-3" aria-hidden /> Submitted
            </Badge>
          </CardTitle>
          <CardDescription>
            Submitted {call.submittedAt ? new Date(call.submittedAt).toLocaleString() : ""}; read-only.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-500">{term}</dt>
              <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
            </div>
          ))}
          {r.signature?.length ? (
            <div className="contents">
              <dt className="font-medium text-slate-500">Signature</dt>
              <dd>
                <SignatureImage strokes={r.signature} />
                {call.signedAt ? (
                  <p className="mt-1 text-xs text-slate-500">Signed {new Date(call.signedAt).toLocaleString()}</p>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {call.canUnlock ? <UnlockCall id={call.id} onUnlocked={onUnlocked} /> : null}
      </CardContent>
    </Card>
  );
}

function UnlockCall({ id, onUnlocked }: { id: string; onUnlocked: () => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const unlock = useMutation(
    trpc.interaction.unlock.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.interaction.pathKey() });
        onUnlocked();
      },
    }),
  );
  if (!open)
    return (
      <Button variant="secondary" className="mt-4" onClick={() => setOpen(true)}>
        <LockOpen /> Unlock…
      </Button>
    );
  const errors = fieldErrorsOf(unlock.error);
  return (
    <form
      className="mt-4 grid max-w-xl gap-2 rounded-md border border-amber-200 bg-amber-50/50 p-3"
      aria-label="Unlock the call"
      onSubmit={(e) => {
        e.preventDefault();
        unlock.mutate({ id, reason });
      }}
    >
      <p className="text-sm text-slate-700">
        Unlocking makes the call its rep's draft again: it stops counting, its samples go back to the rep's stock, and
        the rep must submit it again. The reason is kept in the audit log.
      </p>
      <Label htmlFor={`${uid}-reason`}>Reason</Label>
      <Textarea
        id={`${uid}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        aria-invalid={errors.reason ? true : undefined}
      />
      <FieldError messages={errors.reason} />
      {unlock.isError && !errors.reason ? <Alert tone="danger">{messageOf(unlock.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={unlock.isPending}>
          {unlock.isPending ? <Spinner /> : null} Unlock the call
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
