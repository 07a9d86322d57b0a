"use client";

import { useQueryClient } from "@tanstack/react-query";
import { channelName } from "~/lib/labels";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { useState } from "react";

import { ACCOUNT_SELECT_CAP, accountChangesInput, type UpdateAccountsInput } from "@pharmacrm/domain/accounts-input";
import { CALL_CHANNELS } from "@pharmacrm/domain/channels";
import { Button, Card, Input, Label, Select, Spinner } from "@pharmacrm/ui";

import { useAccountEdits } from "./use-account-edits";

export interface AccountFilters {
  q?: string;
  tier?: string;
  segment?: string;
  tag?: string;
  notCalledDays?: number;
}

type Changes = UpdateAccountsInput["changes"];
const KEEP = "__keep";
const CLEAR = "__clear";
const NEW = "__new";

/**
 * The selected accounts changed together: set or clear tier, segment or preferred channel, add or remove a tag.
 * "Select all that match" gathers every account the filters match (up to ACCOUNT_SELECT_CAP). Applied in batches with
 * a progress bar, then a toast with Undo.
 */
export function BulkEditBar({
  selected,
  total,
  filters,
  vocabulary,
  onSelect,
}: {
  selected: ReadonlySet<string>;
  total: number;
  filters: AccountFilters;
  vocabulary: RouterOutputs["hcp"]["accountVocabulary"] | undefined;
  onSelect: (npis: ReadonlySet<string>) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const edits = useAccountEdits();
  const [tier, setTier] = useState(KEEP);
  const [segment, setSegment] = useState(KEEP);
  const [channel, setChannel] = useState(KEEP);
  const [addTag, setAddTag] = useState("");
  const [removeTag, setRemoveTag] = useState("");
  const [gathering, setGathering] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const selectAll = async () => {
    setGathering(true);
    setProblem(null);
    try {
      const { npis, capped } = await queryClient.fetchQuery(trpc.hcp.accountNpis.queryOptions(filters));
      onSelect(new Set(npis));
      if (capped) setProblem(`Only the first ${ACCOUNT_SELECT_CAP.toLocaleString("en-US")} (by name) are selected.`);
    } catch (error) {
      setProblem(`Could not select them all: ${messageOf(error)}`);
    } finally {
      setGathering(false);
    }
  };

  // A "New value…" not typed yet ("") changes nothing.
  const pick = (value: string) => (value === KEEP || !value.trim() ? undefined : value === CLEAR ? null : value);
  const changes: Changes = {
    tier: pick(tier),
    segment: pick(segment),
    preferredChannel: pick(channel) as Changes["preferredChannel"],
    addTags: addTag.trim() ? [addTag] : undefined,
    removeTags: removeTag ? [removeTag] : undefined,
  };
  const described = [
    changes.tier !== undefined ? (changes.tier ? `Tier set to ${changes.tier}` : "Tier cleared") : null,
    changes.segment !== undefined ? (changes.segment ? `Segment set to ${changes.segment}` : "Segment cleared") : null,
    changes.preferredChannel !== undefined
      ? changes.preferredChannel
        ? `Preferred channel set to ${channelName(changes.preferredChannel)}`
        : "Preferred channel cleared"
      : null,
    addTag.trim() ? `Tagged ${addTag.trim()}` : null,
    removeTag ? `Tag ${removeTag} removed` : null,
  ].filter(Boolean);

  const apply = async () => {
    setProblem(null);
    const checked = accountChangesInput.safeParse(changes);
    if (!checked.success) return setProblem(checked.error.issues[0]!.message);
    const outcome = await edits.apply([...selected], changes, described.join(", "));
    if (outcome.error && outcome.updated + outcome.unchanged === 0) setProblem(messageOf(outcome.error));
    if (!outcome.error) {
      setTier(KEEP);
      setSegment(KEEP);
      setChannel(KEEP);
      setAddTag("");
      setRemoveTag("");
    }
  };

  return (
    <Card
      role="region"
      className="grid gap-3 border-brand-200 bg-brand-50/40 p-4"
      aria-label="Change the selected accounts"
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <strong>
          {selected.size.toLocaleString("en-US")} {selected.size === 1 ? "account" : "accounts"} selected
        </strong>
        {selected.size < Math.min(total, ACCOUNT_SELECT_CAP) ? (
          <Button size="sm" variant="ghost" disabled={gathering} onClick={() => void selectAll()}>
            {gathering ? <Spinner /> : null} Select all {total.toLocaleString("en-US")} that match
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => onSelect(new Set())}>
          Clear selection
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <ChoiceOrKeep id="bulk-tier" label="Tier" value={tier} onChange={setTier} options={vocabulary?.tiers} />
        <ChoiceOrKeep
          id="bulk-segment"
          label="Segment"
          value={segment}
          onChange={setSegment}
          options={vocabulary?.segments}
        />
        <div>
          <Label htmlFor="bulk-channel">Preferred channel</Label>
          <Select id="bulk-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value={KEEP}>Keep as is</option>
            <option value={CLEAR}>Clear</option>
            {CALL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="bulk-add-tag">Add a tag</Label>
          <Input
            id="bulk-add-tag"
            className="w-40"
            list="bulk-tags"
            value={addTag}
            onChange={(e) => setAddTag(e.target.value)}
          />
          <datalist id="bulk-tags">
            {vocabulary?.tags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
        <div>
          <Label htmlFor="bulk-remove-tag">Remove a tag</Label>
          <Select id="bulk-remove-tag" value={removeTag} onChange={(e) => setRemoveTag(e.target.value)}>
            <option value="">None</option>
            {vocabulary?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <Button disabled={described.length === 0 || edits.busy} onClick={() => void apply()}>
          {edits.busy ? <Spinner /> : null} Apply to {selected.size.toLocaleString("en-US")}
        </Button>
      </div>
      {edits.progress ? (
        <div role="status" className="grid gap-1 text-sm text-slate-600">
          <span>
            Updating {edits.progress.done.toLocaleString("en-US")} of {edits.progress.total.toLocaleString("en-US")}…
          </span>
          <progress className="h-2 w-full" max={edits.progress.total} value={edits.progress.done} />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-600">
          {problem}
        </p>
      ) : null}
    </Card>
  );
}

/** Keep, clear, or set to a value the org uses, or a new one typed in (empty until typed: nothing to apply). */
function ChoiceOrKeep({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: string[] | undefined;
}) {
  const [newValue, setNewValue] = useState(false);
  // Reset to "keep" from outside (after applying) ends the typing too.
  const typing = newValue && value !== KEEP && value !== CLEAR;
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-1">
        <Select
          id={id}
          value={typing ? NEW : value}
          onChange={(e) => {
            setNewValue(e.target.value === NEW);
            onChange(e.target.value === NEW ? "" : e.target.value);
          }}
        >
          <option value={KEEP}>Keep as is</option>
          <option value={CLEAR}>Clear</option>
          {options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          <option value={NEW}>New value…</option>
        </Select>
        {typing ? (
          <Input
            aria-label={`New ${label.toLowerCase()}`}
            className="w-32"
            autoFocus
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : null}
      </div>
    </div>
  );
}
