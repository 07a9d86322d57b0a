"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { Check, Save } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";

import type { SemanticQuery } from "@pharmacrm/domain";
import { Button, Checkbox, Input, Label } from "@pharmacrm/ui";

/** Saves the question as it stands to the person's dashboard under a name, shared with the org if they say so. */
export function SaveQuestion({
  query,
  suggested,
  orgName,
}: {
  query: SemanticQuery;
  suggested: string;
  orgName: string;
}) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [share, setShare] = useState(false);
  const [saved, setSaved] = useState<{ key: string; shared: boolean } | null>(null);
  const pin = useMutation(trpc.analytics.pin.mutationOptions());
  const shareIt = useMutation(trpc.analytics.share.mutationOptions());
  const key = JSON.stringify(query);
  const busy = pin.isPending || shareIt.isPending;
  const failed = pin.error ?? shareIt.error;
  const save = async () => {
    try {
      const { id: savedId } = await pin.mutateAsync({ title: title.trim() || suggested, query });
      if (share) await shareIt.mutateAsync({ id: savedId, shared: true });
      setSaved({ key, shared: share });
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.analytics.pins.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.analytics.shared.queryKey() });
    }
  };
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save().catch(() => undefined);
      }}
      data-testid="explore-save"
    >
      <div className="grid min-w-64 flex-1 gap-1">
        <Label htmlFor={`${id}-title`}>Name</Label>
        <Input
          id={`${id}-title`}
          value={title}
          maxLength={120}
          placeholder={suggested}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <label className="flex h-9 items-center gap-2 text-sm text-slate-800">
        <Checkbox checked={share} onChange={(e) => setShare(e.target.checked)} /> Share with {orgName}
      </label>
      <Button type="submit" disabled={busy} data-testid="explore-save-button">
        <Save /> {busy ? "Saving…" : "Save to my dashboard"}
      </Button>
      {failed ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {messageOf(failed)}
        </p>
      ) : saved?.key === key ? (
        <p
          className="flex basis-full items-center gap-1.5 text-sm text-slate-700"
          role="status"
          data-testid="explore-saved"
        >
          <Check className="size-4 text-emerald-600" aria-hidden /> Saved to{" "}
          <Link href="/analytics" className="font-medium text-brand-700 underline">
            your dashboard
          </Link>
          {saved.shared ? ` and shared with ${orgName}.` : "."}
        </p>
      ) : null}
    </form>
  );
}
