"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { X } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { addBannedPhraseInput } from "@pharmacrm/domain/compliance-input";
import {
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  FieldError,
  Input,
  Label,
  Spinner,
} from "@pharmacrm/ui";

import type { Notice } from "./compliance-screen";

type Library = RouterOutputs["compliance"]["library"];

/** The org's banned phrases (each removable) beside the built-in ones, and the form to ban another. */
export function BannedPhrasesCard({
  banned,
  builtIn,
  onDone,
}: {
  banned: Library["banned"];
  builtIn: Library["builtIn"];
  onDone: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
  const unban = useMutation(
    trpc.compliance.unbanPhrase.mutationOptions({
      onSuccess: () => {
        onDone({ tone: "success", text: "The phrase is no longer banned." });
        void refresh();
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  const ban = useMutation(trpc.compliance.banPhrase.mutationOptions());
  const form = useForm<z.input<typeof addBannedPhraseInput>, unknown, z.output<typeof addBannedPhraseInput>>({
    resolver: zodResolver(addBannedPhraseInput),
    defaultValues: { phrase: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    ban.mutateAsync(values).then(
      (done) => {
        onDone({ tone: "success", text: `“${done.phrase}” is banned from drafts.` });
        form.reset({ phrase: "" });
        void refresh();
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  return (
    <Card aria-labelledby="banned-title" data-testid="banned-phrases">
      <CardHeader className="block">
        <CardTitle id="banned-title">Banned phrases</CardTitle>
        <CardDescription>
          A draft using one (any case, as whole words) is flagged and cannot be sent as it is.
        </CardDescription>
      </CardHeader>
      <div className="grid gap-3 px-4 pb-4">
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Your organisation&apos;s</p>
          {banned.length ? (
            <ul className="flex flex-wrap gap-1.5">
              {banned.map((b) => (
                <li key={b.id}>
                  <Badge tone="danger" className="gap-1 pr-1">
                    {b.phrase}
                    <button
                      type="button"
                      className="rounded p-0.5 hover:bg-red-100"
                      aria-label={`Stop banning “${b.phrase}”`}
                      disabled={unban.isPending}
                      onClick={() => unban.mutate({ id: b.id })}
                    >
                      <X className="size-3" aria-hidden />
                    </button>
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">None yet.</p>
          )}
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Always banned</p>
          <ul className="flex flex-wrap gap-1.5">
            {builtIn.map((phrase) => (
              <li key={phrase}>
                <Badge tone="neutral">{phrase}</Badge>
              </li>
            ))}
          </ul>
        </div>
        <form aria-label="Ban a phrase" className="grid gap-1" noValidate onSubmit={(e) => void submit(e)}>
          <Label htmlFor="banned-phrase">Ban a phrase</Label>
          <div className="flex gap-2">
            <Input
              id="banned-phrase"
              className="max-w-xs"
              placeholder="act now"
              aria-invalid={errors.phrase ? true : undefined}
              {...form.register("phrase")}
            />
            <Button type="submit" variant="secondary" disabled={isSubmitting}>
              {isSubmitting ? <Spinner /> : null} Ban
            </Button>
          </div>
          <FieldError messages={errors.phrase?.message ? [errors.phrase.message] : null} />
        </form>
      </div>
    </Card>
  );
}
