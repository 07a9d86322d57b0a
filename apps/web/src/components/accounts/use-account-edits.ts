"use client";

// Applying an edit to accounts from the screens: in batches the API takes (a bulk selection can be thousands), with
// progress, then a toast with Undo that puts back what this edit changed — unless someone changed it since.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { useState } from "react";

import { ACCOUNT_BATCH, type RestoreAccountsInput, type UpdateAccountsInput } from "@pharmacrm/domain/accounts-input";
import { toast } from "@pharmacrm/ui";

type Changes = UpdateAccountsInput["changes"];
type RestoreRow = RestoreAccountsInput["rows"][number];

export interface EditOutcome {
  updated: number;
  unchanged: number;
  /** The request that failed, if one did: batches before it stay applied (and undoable). */
  error?: unknown;
}

const batches = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / ACCOUNT_BATCH) }, (_, i) =>
    items.slice(i * ACCOUNT_BATCH, (i + 1) * ACCOUNT_BATCH),
  );
const accounts = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "account" : "accounts"}`;

/** `onChanged`: after an edit or its undo lands (a server-drawn page refreshes itself here). */
export function useAccountEdits(onChanged?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.hcp.updateAccounts.mutationOptions());
  const restore = useMutation(trpc.hcp.restoreAccounts.mutationOptions());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const refresh = () => {
    onChanged?.();
    return queryClient.invalidateQueries({ queryKey: trpc.hcp.pathKey() });
  };

  async function undo(rows: RestoreRow[]) {
    let restored = 0;
    let changedSince = 0;
    try {
      for (const batch of batches(rows)) {
        const result = await restore.mutateAsync({ rows: batch });
        restored += result.restored;
        changedSince += result.changedSince;
      }
      toast.success(`Undone: ${accounts(restored)} put back`, {
        description:
          changedSince > 0 ? `${accounts(changedSince)} changed again since, so left as they are now.` : undefined,
      });
    } catch (error) {
      toast.error("The undo did not finish", {
        description: `${accounts(restored)} put back before it stopped: ${messageOf(error)}`,
      });
    } finally {
      void refresh();
    }
  }

  /** Apply `changes` to every NPI; `what` names the change in the toast ("Tier set to A"). */
  async function apply(npis: readonly string[], changes: Changes, what: string): Promise<EditOutcome> {
    const toUndo: RestoreRow[] = [];
    const outcome: EditOutcome = { updated: 0, unchanged: 0 };
    setProgress({ done: 0, total: npis.length });
    for (const batch of batches(npis)) {
      try {
        const result = await update.mutateAsync({ npis: batch, changes });
        toUndo.push(...result.undo.map((fields) => ({ ...fields, changedAt: result.changedAt })));
        outcome.updated += result.updated;
        outcome.unchanged += result.unchanged;
        setProgress((p) => p && { ...p, done: p.done + batch.length });
      } catch (error) {
        outcome.error = error;
        break;
      }
    }
    setProgress(null);
    void refresh();
    const action = toUndo.length > 0 ? { label: "Undo", onClick: () => void undo(toUndo) } : undefined;
    if (outcome.error && npis.length > batches(npis)[0]!.length)
      toast.error(`${what}: stopped after ${accounts(outcome.updated + outcome.unchanged)}`, {
        description: messageOf(outcome.error),
        action,
        duration: 20_000,
      });
    else if (!outcome.error)
      toast.success(`${what} · ${accounts(outcome.updated)} updated`, {
        description: outcome.unchanged > 0 ? `${accounts(outcome.unchanged)} already so.` : undefined,
        action,
        duration: 15_000,
      });
    return outcome;
  }

  return { apply, progress, busy: progress !== null || restore.isPending };
}
