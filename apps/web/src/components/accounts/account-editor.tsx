"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { blankAsNull } from "~/lib/form-errors";
import { channelName } from "~/lib/labels";
import { fieldErrorsOf, messageOf } from "~/trpc/react";
import { useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";

import { accountChangesInput, MAX_ACCOUNT_TAGS } from "@pharmacrm/domain/accounts-input";
import { CALL_CHANNELS, type CallChannel } from "@pharmacrm/domain/channels";
import { Alert, Button, cn, FieldError, Input, Label, Select, Spinner, Textarea } from "@pharmacrm/ui";

import { TagInput } from "./tag-input";
import { useAccountEdits } from "./use-account-edits";

export interface EditableAccount {
  npi: string;
  name: string;
  tier: string | null;
  segment: string | null;
  notes: string | null;
  preferredChannel: CallChannel | null;
  tags: string[];
}

type Fields = z.input<typeof accountChangesInput>;

/**
 * One account's org fields: tier, segment, preferred channel, tags, notes. Saves only what changed (so a colleague's
 * edit of another field is kept), then offers Undo in a toast. Escape cancels.
 */
export function AccountEditor({
  account,
  vocabulary,
  onDone,
  onChanged,
  narrow = false,
}: {
  account: EditableAccount;
  vocabulary: { tiers: string[]; segments: string[]; tags: string[] } | undefined;
  onDone: () => void;
  onChanged?: () => void;
  /** One field under another (a side card), not four across (a table row). */
  narrow?: boolean;
}) {
  const id = useId();
  const edits = useAccountEdits(onChanged);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Fields>({
    resolver: zodResolver(accountChangesInput),
    defaultValues: {
      tier: account.tier ?? "",
      segment: account.segment ?? "",
      preferredChannel: account.preferredChannel,
      tags: account.tags,
      notes: account.notes ?? "",
    },
  });
  const errors = form.formState.errors;
  const wide = narrow ? undefined : "sm:col-span-2 lg:col-span-4";
  const submit = form.handleSubmit(async (values) => {
    const changes = Object.fromEntries(
      Object.entries(values).filter(([field]) => form.getFieldState(field as keyof Fields).isDirty),
    ) as Fields;
    // Tags go as what was added and removed here, so a tag someone else added meanwhile is kept.
    if (changes.tags) {
      const had = new Set(account.tags.map((t) => t.toLowerCase()));
      const has = new Set(changes.tags.map((t) => t.toLowerCase()));
      const addTags = changes.tags.filter((t) => !had.has(t.toLowerCase()));
      const removeTags = account.tags.filter((t) => !has.has(t.toLowerCase()));
      delete changes.tags;
      if (addTags.length) changes.addTags = addTags;
      if (removeTags.length) changes.removeTags = removeTags;
    }
    if (Object.keys(changes).length === 0) return onDone();
    const outcome = await edits.apply([account.npi], changes, `${account.name} saved`);
    if (!outcome.error) return onDone();
    // The procedure's field errors are keyed by its input ("changes"), not the form's fields: say them whole.
    setFailure(Object.values(fieldErrorsOf(outcome.error)).flat().join(" ") || messageOf(outcome.error));
  });

  return (
    <form
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
      aria-label={`Edit ${account.name}`}
      className={cn("grid gap-3", !narrow && "sm:grid-cols-2 lg:grid-cols-4")}
      noValidate
    >
      <div>
        <Label htmlFor={`${id}-tier`}>Tier</Label>
        <Input
          id={`${id}-tier`}
          aria-invalid={errors.tier ? true : undefined}
          aria-describedby={errors.tier ? `${id}-tier-error` : undefined}
          list={`${id}-tiers`}
          autoFocus
          {...form.register("tier", { setValueAs: blankAsNull })}
        />
        <datalist id={`${id}-tiers`}>
          {vocabulary?.tiers.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FieldError id={`${id}-tier-error`} messages={errors.tier?.message ? [errors.tier.message] : null} />
      </div>
      <div>
        <Label htmlFor={`${id}-segment`}>Segment</Label>
        <Input
          id={`${id}-segment`}
          aria-invalid={errors.segment ? true : undefined}
          aria-describedby={errors.segment ? `${id}-segment-error` : undefined}
          list={`${id}-segments`}
          {...form.register("segment", { setValueAs: blankAsNull })}
        />
        <datalist id={`${id}-segments`}>
          {vocabulary?.segments.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldError id={`${id}-segment-error`} messages={errors.segment?.message ? [errors.segment.message] : null} />
      </div>
      <div>
        <Label htmlFor={`${id}-channel`}>Preferred channel</Label>
        <Select
          id={`${id}-channel`}
          {...form.register("preferredChannel", { setValueAs: (v: unknown) => blankAsNull(v) as CallChannel | null })}
        >
          <option value="">Not known</option>
          {CALL_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelName(c)}
            </option>
          ))}
        </Select>
        <FieldError
          id={`${id}-preferredChannel-error`}
          messages={errors.preferredChannel?.message ? [errors.preferredChannel.message] : null}
        />
      </div>
      <div>
        <Label htmlFor={`${id}-tags`}>Tags</Label>
        <Controller
          control={form.control}
          name="tags"
          render={({ field }) => (
            <TagInput
              id={`${id}-tags`}
              label="Add a tag"
              value={field.value ?? []}
              onChange={field.onChange}
              suggestions={vocabulary?.tags ?? []}
              max={MAX_ACCOUNT_TAGS}
            />
          )}
        />
        <FieldError id={`${id}-tags-error`} messages={errors.tags?.message ? [errors.tags.message] : null} />
      </div>
      <div className={wide}>
        <Label htmlFor={`${id}-notes`}>Account notes</Label>
        <Textarea
          id={`${id}-notes`}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${id}-notes-error` : undefined}
          rows={2}
          {...form.register("notes", { setValueAs: blankAsNull })}
        />
        <FieldError id={`${id}-notes-error`} messages={errors.notes?.message ? [errors.notes.message] : null} />
      </div>
      {failure ? (
        <Alert tone="danger" className={wide}>
          {failure}
        </Alert>
      ) : null}
      <div className={cn("flex gap-2", wide)}>
        <Button type="submit" size="sm" disabled={edits.busy}>
          {edits.busy ? <Spinner /> : null} Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
