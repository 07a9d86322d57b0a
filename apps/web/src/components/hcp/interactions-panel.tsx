"use client";

import { CheckCircle2, Plus } from "lucide-react";
import { useState, type ReactNode } from "react";

import { Alert, Button, Card, CardHeader, CardTitle } from "@pharmacrm/ui";

import { LogCallForm } from "./log-call-form";
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

export function InteractionsPanel({ npi, count, canLog, orgName, isDemo, children }: InteractionsPanelProps) {
  const [open, setOpen] = useState(false);
  const [logged, setLogged] = useState(false);
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
              setLogged(false);
              setOpen(true);
            }}
          >
            <Plus /> Log a call
          </Button>
        ) : null}
      </CardHeader>
      {open ? (
        <LogCallForm
          npi={npi}
          onCancel={() => setOpen(false)}
          onLogged={() => {
            setOpen(false);
            setLogged(true);
          }}
        />
      ) : null}
      {logged ? (
        <div className="px-4 pt-3">
          <Alert tone="success" icon={<CheckCircle2 />}>
            Call logged. It is at the top of the timeline.
          </Alert>
        </div>
      ) : null}
      {children}
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
