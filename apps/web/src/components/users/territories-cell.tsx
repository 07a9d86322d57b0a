"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { useState } from "react";

import { Button, Checkbox, Spinner } from "@pharmacrm/ui";

type UsersList = RouterOutputs["users"]["list"];
type Notice = { tone: "success" | "danger"; text: string };

/** A rep's territories, changed in place: the rep sees the new ones at their next request. */
export function TerritoriesCell({
  user,
  territories,
  onDone,
}: {
  user: UsersList["users"][number];
  territories: UsersList["territories"];
  onDone: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const assigned = territories.filter((t) => t.userIds.includes(user.id)).map((t) => t.id);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(assigned);
  const save = useMutation(
    trpc.users.setTerritories.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        onDone({ tone: "success", text: `${user.name}'s territories are saved; they see them at their next page.` });
        void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  if (user.role !== "rep")
    return <span className="text-xs text-slate-400">{user.role === "manager" ? "Their region" : "The whole org"}</span>;
  const names = territories.filter((t) => assigned.includes(t.id)).map((t) => t.name);
  if (!editing)
    return (
      <div className="flex flex-wrap items-center gap-1.5">
        <span className={names.length ? "text-sm text-slate-800" : "text-xs text-amber-700"}>
          {names.length ? names.join(", ") : "None: sees only their own records"}
        </span>
        <Button
          size="sm"
          variant="link"
          aria-label={`Change ${user.name}'s territories`}
          onClick={() => {
            setChosen(assigned);
            setEditing(true);
          }}
        >
          Change
        </Button>
      </div>
    );
  return (
    <fieldset className="grid gap-1" aria-label={`Territories of ${user.name}`}>
      {territories.length === 0 ? <p className="text-xs text-slate-500">The org has no territories yet.</p> : null}
      {territories.map((t) => (
        <label key={t.id} className="flex items-center gap-2 text-sm">
          <Checkbox
            checked={chosen.includes(t.id)}
            onChange={(e) => {
              // Read now: React clears the event's currentTarget before an updater runs.
              const on = e.currentTarget.checked;
              setChosen((ids) => (on ? [...ids, t.id] : ids.filter((id) => id !== t.id)));
            }}
          />
          {t.name} <span className="text-xs text-slate-500">{t.region ?? ""}</span>
        </label>
      ))}
      <div className="mt-1 flex gap-1.5">
        <Button
          size="sm"
          disabled={save.isPending}
          onClick={() => save.mutate({ userId: user.id, territoryIds: chosen })}
        >
          {save.isPending ? <Spinner /> : null} Save
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}
