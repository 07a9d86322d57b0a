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
  counting,
}: {
  query: SemanticQuery;
  suggested: string;
  orgName: string;
  /** The changed question is being counted: the one shown is not the one to save yet. */
  counting: boolean;
}) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [share, setShare] = useState(false);
  const [saved, setSaved] = useState<{ key: string; shared: boolean } | null>(null);
  const pin = useMutation(
    trpc.analytics.pin.mutationOptions({
      onSuccess: (_, input) => setSaved({ key: JSON.stringify(input.query), shared: !!input.shared }),
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.analytics.pins.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.analytics.shared.queryKey() });
      },
    }),
  );
  const key = JSON.stringify(query);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        // Saved and shared in one request: a failure leaves nothing half done.
        pin.mutate({ title: title.trim() || suggested, query, shared: share });
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
      <Button type="submit" disabled={pin.isPending || counting} data-testid="explore-save-button">
        <Save /> {pin.isPending ? "Saving…" : "Save to my dashboard"}
      </Button>
      {pin.error ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {messageOf(pin.error)}
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
