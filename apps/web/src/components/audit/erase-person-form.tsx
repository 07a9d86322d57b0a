"use client";

import { useMutation } from "@tanstack/react-query";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Eraser } from "lucide-react";
import { useState } from "react";

import { Alert, Button, Input, Label } from "@pharmacrm/ui";

type Erasure = RouterOutputs["audit"]["erase"];
export type EraseTarget = { kind: "hcp"; npi: string } | { kind: "user"; userId: string; email: string };

const tableLabels: Record<string, string> = {
  interaction: "calls",
  task: "tasks",
  hcp_attribute: "segment notes",
  consent_record: "consent records",
  nba_decision: "next-best-action decisions",
  outreach_draft: "outreach drafts",
  conversation_message: "copilot messages",
  conversation: "copilot conversations",
  app_user: "user account",
};

export const erasureSummary = (result: Erasure) =>
  Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${tableLabels[table] ?? table}`)
    .join(", ") || "nothing held";

/**
 * Erasure by anonymisation, behind a typed confirmation: the admin retypes the NPI or email (checked again on the
 * server). Rows stay so reports keep counting them; their free text is overwritten; the audit trail is kept.
 */
export function ErasePersonForm({ target, onErased }: { target: EraseTarget; onErased?: (result: Erasure) => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const erase = useMutation(trpc.audit.erase.mutationOptions({ onSuccess: (result) => onErased?.(result) }));
  const expected = target.kind === "hcp" ? target.npi : target.email;
  const matches =
    target.kind === "hcp" ? typed.trim() === expected : typed.trim().toLowerCase() === expected.toLowerCase();
  const what = target.kind === "hcp" ? "the physician's NPI" : "the user's email address";

  if (erase.isSuccess) {
    return (
      <Alert tone="success" title="Erased" data-testid="erasure-done">
        Overwritten with “{erase.data.marker}”: {erasureSummary(erase.data)}. The erasure is recorded in the audit
        trail.
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="erasure-start">
        <Eraser aria-hidden /> {target.kind === "hcp" ? "Erase this physician's data" : "Erase this former user"}
      </Button>
    );
  }
  const inputId = `erase-confirm-${target.kind}`;
  return (
    <form
      className="grid gap-2 rounded-md border border-red-200 bg-red-50/50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches || erase.isPending) return;
        erase.mutate(
          target.kind === "hcp"
            ? { kind: "hcp", npi: target.npi, confirmation: typed }
            : { kind: "user", userId: target.userId, confirmation: typed },
        );
      }}
    >
      <p className="text-sm text-red-900">
        {target.kind === "hcp"
          ? "Your organisation's notes, follow-ups, task text, consent sources, decision reasons, outreach drafts and copilot messages about this physician will be overwritten. The records themselves, public CMS data and other organisations' data stay. This cannot be undone."
          : "Their name, email and password are replaced and their copilot conversations overwritten; the calls, tasks and consents they recorded stay, attributed to “Erased user”. This cannot be undone."}
      </p>
      <Label htmlFor={inputId}>
        Type {what} <span className="font-mono">{expected}</span> to confirm
      </Label>
      <Input
        id={inputId}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        maxLength={320}
        className="h-8 text-sm"
      />
      {erase.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {messageOf(erase.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          type="submit"
          variant="destructive"
          size="sm"
          disabled={!matches || erase.isPending}
          data-testid="erasure-confirm"
        >
          {erase.isPending ? "Erasing…" : "Erase"}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setOpen(false);
            setTyped("");
            erase.reset();
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
