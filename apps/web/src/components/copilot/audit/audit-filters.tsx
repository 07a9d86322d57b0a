"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

import { Input, Label, Select } from "@pharmacrm/ui";

export interface AuditFilter {
  userId?: string;
  from?: string;
  to?: string;
}

/** Who and which days (inclusive, UTC). */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.copilotAudit.users.queryOptions());
  const set = (patch: AuditFilter) => onChange({ ...filter, ...patch });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <Label htmlFor="audit-user">Person</Label>
        <Select
          id="audit-user"
          value={filter.userId ?? ""}
          onChange={(e) => set({ userId: e.target.value || undefined })}
          className="h-8 w-56 text-sm"
        >
          <option value="">Everyone</option>
          {users.data?.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </Select>
      </div>
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
    </div>
  );
}
