"use client";

import type { RouterOutputs } from "~/trpc/react";
import { useState } from "react";

import { Button, Input, Label, Select } from "@pharmacrm/ui";

import type { AuditTrailFilter } from "./audit-params";

type Facets = RouterOutputs["audit"]["facets"];

export const personLabel = (p: Facets["people"][number]) =>
  p.erased ? `Erased user (${p.id.slice(0, 8)})` : `${p.name} (${p.email})${p.former ? " · former" : ""}`;

/** Person, action, record type and id, days (inclusive, UTC). */
export function AuditTrailFilters({
  filter,
  facets,
  onChange,
}: {
  filter: AuditTrailFilter;
  facets: Facets | undefined;
  onChange: (filter: AuditTrailFilter) => void;
}) {
  const set = (patch: AuditTrailFilter) => onChange({ ...filter, ...patch });
  // The record id is typed: it applies on Enter or when the field is left, not on every key.
  const [entityDraft, setEntityDraft] = useState(filter.entityId ?? "");
  const [shownEntity, setShownEntity] = useState(filter.entityId);
  if (shownEntity !== filter.entityId) {
    setShownEntity(filter.entityId);
    setEntityDraft(filter.entityId ?? "");
  }
  const applyEntity = () => {
    const next = entityDraft.trim().slice(0, 200) || undefined;
    if (next !== filter.entityId) set({ entityId: next });
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <Label htmlFor="audit-actor">Person</Label>
        <Select
          id="audit-actor"
          value={filter.actorId ?? ""}
          onChange={(e) => set({ actorId: e.target.value || undefined })}
          className="h-8 w-60 text-sm"
        >
          <option value="">Everyone</option>
          {facets?.people.map((p) => (
            <option key={p.id} value={p.id}>
              {personLabel(p)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-action">Action</Label>
        <Select
          id="audit-action"
          value={filter.action ?? ""}
          onChange={(e) => set({ action: e.target.value || undefined })}
          className="h-8 w-44 text-sm"
        >
          <option value="">Any action</option>
          {facets?.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-type">Record type</Label>
        <Select
          id="audit-type"
          value={filter.entityType ?? ""}
          onChange={(e) => set({ entityType: e.target.value || undefined })}
          className="h-8 w-40 text-sm"
        >
          <option value="">Any record</option>
          {facets?.entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </div>
      <form
        className="grid gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          applyEntity();
        }}
      >
        <Label htmlFor="audit-entity">Record id or NPI</Label>
        <Input
          id="audit-entity"
          value={entityDraft}
          maxLength={200}
          placeholder="e.g. 1234567893"
          onChange={(e) => setEntityDraft(e.target.value)}
          onBlur={applyEntity}
          className="h-8 w-48 font-mono text-xs"
        />
      </form>
      <div className="grid gap-1">
        <Label htmlFor="audit-from">From</Label>
        <Input
          id="audit-from"
          type="date"
          value={filter.from ?? ""}
          onChange={(e) => set({ from: e.target.value || undefined })}
          className="h-8 w-40 text-sm"
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-to">To</Label>
        <Input
          id="audit-to"
          type="date"
          value={filter.to ?? ""}
          onChange={(e) => set({ to: e.target.value || undefined })}
          className="h-8 w-40 text-sm"
        />
      </div>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => onChange({})}
        disabled={Object.values(filter).every((v) => v === undefined)}
      >
        Clear filters
      </Button>
    </div>
  );
}
