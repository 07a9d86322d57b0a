"use client";

import { useQuery } from "@tanstack/react-query";
import { CallReportForm } from "~/components/calls/call-report-form";
import { channelLabel } from "~/lib/labels";
import { useTRPC } from "~/trpc/react";
import { CheckCircle2, FilePen, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";

import { Alert, Badge, Button, Card, CardHeader, CardTitle } from "@pharmacrm/ui";

import { TenantSource } from "./source-footer";

interface InteractionsPanelProps {
  npi: string;
  count: number;
  /** Reps and managers log calls with HCPs in their territories; admins with anyone in the org's. */
  canLog: boolean;
  orgName: string;
  isDemo: boolean;
  /** The timeline, rendered on the server. */
  children: ReactNode;
}

const OUTCOME = {
  submitted: "Call submitted. It is at the top of the timeline, locked.",
  draft: "Saved as a draft: it is listed above the timeline until you submit it.",
  deleted: "Draft deleted.",
} as const;

/** The viewer's unsubmitted call reports with this physician (any date). */
function DraftsWithPhysician({ npi }: { npi: string }) {
  const trpc = useTRPC();
  const drafts = useQuery(
    trpc.interaction.mine.queryOptions({ from: "1900-01-01", to: "2100-12-31", npi, status: "draft", limit: 20 }),
  );
  if (!drafts.data?.calls.length) return null;
  return (
    <div className="border-b border-slate-100 px-4 py-3" data-testid="call-drafts">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Your drafts</h3>
      <ul className="mt-1.5 space-y-1">
        {drafts.data.calls.map((c) => (
          <li key={c.id} className="flex items-center gap-2 text-sm">
            <Badge tone="warning">Draft</Badge>
            <Link href={`/calls/${c.id}`} className="text-brand-700 hover:underline">
              {channelLabel[c.channel]} · {new Date(c.occurredAt).toLocaleString()}
              {c.products.length ? ` · ${c.products.join(", ")}` : ""}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InteractionsPanel({ npi, count, canLog, orgName, isDemo, children }: InteractionsPanelProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<keyof typeof OUTCOME | null>(null);
  const [, startRefresh] = useTransition();
  return (
    <Card aria-labelledby="calls-title" id="calls" className="scroll-mt-28">
      <CardHeader className="items-center">
        <CardTitle id="calls-title">
          Calls{" "}
          <span className="ml-1 font-normal text-slate-400" data-testid="interaction-count">
            {count}
          </span>
        </CardTitle>
        {canLog && !open ? (
          <Button
            size="sm"
            onClick={() => {
              setOutcome(null);
              setOpen(true);
            }}
          >
            <Plus /> Log a call
          </Button>
        ) : null}
      </CardHeader>
      {open ? (
        <CallReportForm
          npi={npi}
          onCancel={() => setOpen(false)}
          onDone={({ status }) => {
            setOpen(false);
            setOutcome(status);
            // Re-render the page on the server so a submitted call appears in the timeline.
            if (status === "submitted") startRefresh(() => router.refresh());
          }}
        />
      ) : null}
      {outcome ? (
        <div className="px-4 pt-3">
          <Alert tone="success" icon={outcome === "draft" ? <FilePen /> : <CheckCircle2 />}>
            {OUTCOME[outcome]}
          </Alert>
        </div>
      ) : null}
      {canLog ? <DraftsWithPhysician npi={npi} /> : null}
      {children}
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
