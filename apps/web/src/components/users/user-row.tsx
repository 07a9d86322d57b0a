"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LocalDateTime } from "~/components/local-time";
import { roleLabel } from "~/lib/labels";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Lock, ShieldCheck, ShieldOff } from "lucide-react";
import { useState } from "react";

import { Badge, Button, Select, Spinner, TableCell, TableRow } from "@pharmacrm/ui";

import type { IssuedLink } from "./password-link";
import { TerritoriesCell } from "./territories-cell";

type UsersList = RouterOutputs["users"]["list"];
type Role = UsersList["users"][number]["role"];
type Notice = { tone: "success" | "danger"; text: string };

interface UserRowProps {
  user: UsersList["users"][number];
  regions: UsersList["regions"];
  territories: UsersList["territories"];
  isMe: boolean;
  onDone: (notice: Notice) => void;
  onLink: (link: IssuedLink) => void;
}

export function UserRow({ user, regions, territories, isMe, onDone, onLink }: UserRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const [regionId, setRegionId] = useState(user.regionId ?? regions[0]?.id ?? "");
  const handlers = (success: string) => ({
    onSuccess: () => {
      onDone({ tone: "success", text: success });
      void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
    },
    onError: (error: unknown) => onDone({ tone: "danger", text: messageOf(error) }),
  });
  const unlock = useMutation(trpc.users.unlock.mutationOptions(handlers(`${user.name} can sign in again.`)));
  const changeRole = useMutation(
    trpc.users.changeRole.mutationOptions(
      handlers(`${user.name} is now ${roleLabel[role].toLowerCase()}; their sessions have ended.`),
    ),
  );
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions(
      handlers(
        user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out everywhere.`,
      ),
    ),
  );
  const resetMfa = useMutation(
    trpc.users.resetMfa.mutationOptions(
      handlers(`${user.name}'s authenticator was removed; they set up a new one at next sign-in.`),
    ),
  );
  const passwordLink = useMutation(
    trpc.users.passwordLink.mutationOptions({
      onSuccess: (issued) => {
        onLink(issued);
        void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  const busy =
    unlock.isPending || changeRole.isPending || setDisabled.isPending || resetMfa.isPending || passwordLink.isPending;
  const roleChanged = role !== user.role || (role === "manager" && regionId !== (user.regionId ?? ""));

  return (
    <TableRow data-testid={`user-${user.email}`}>
      <TableCell>
        <p className="font-medium text-slate-900">
          {user.name} {isMe ? <Badge tone="brand">You</Badge> : null}
        </p>
        <p className="text-xs text-slate-500">{user.email}</p>
      </TableCell>
      <TableCell>
        <div className="flex flex-wrap items-center gap-1.5">
          <Select
            aria-label={`Role of ${user.name}`}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            disabled={busy}
            className="h-8 w-28"
          >
            {(["rep", "manager", "admin"] as const).map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </Select>
          {role === "manager" ? (
            regions.length === 0 ? (
              <span className="text-xs text-red-700">No regions yet</span>
            ) : (
              <Select
                aria-label={`Region of ${user.name}`}
                value={regionId}
                onChange={(e) => setRegionId(e.currentTarget.value)}
                disabled={busy}
                className="h-8 w-36"
              >
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            )
          ) : null}
          {roleChanged ? (
            <Button
              size="sm"
              disabled={busy || (role === "manager" && !regionId)}
              onClick={() =>
                changeRole.mutate({ userId: user.id, role, regionId: role === "manager" ? regionId : null })
              }
            >
              {changeRole.isPending ? <Spinner /> : null}
              Save
            </Button>
          ) : null}
        </div>
      </TableCell>
      <TableCell>
        <TerritoriesCell user={user} territories={territories} onDone={onDone} />
      </TableCell>
      <TableCell>
        {user.disabled ? (
          <Badge tone="danger">Disabled</Badge>
        ) : user.lockedUntil ? (
          <Badge tone="warning" data-testid="locked-badge">
            <Lock /> Locked until <LocalDateTime value={user.lockedUntil} />
          </Badge>
        ) : !user.passwordSet ? (
          user.linkExpiresAt && new Date(user.linkExpiresAt) > new Date() ? (
            <Badge tone="info">
              Invited, link until <LocalDateTime value={user.linkExpiresAt} />
            </Badge>
          ) : (
            <Badge tone="warning">{user.linkExpiresAt ? "Invitation lapsed" : "No password"}</Badge>
          )
        ) : (
          <Badge tone="success">Active</Badge>
        )}
      </TableCell>
      <TableCell>
        {user.mfaEnrolled ? (
          <Badge tone="success">
            <ShieldCheck /> On
          </Badge>
        ) : (
          <Badge>
            <ShieldOff /> Off
          </Badge>
        )}
      </TableCell>
      <TableCell className="text-right">
        <div className="flex flex-wrap justify-end gap-1.5">
          {user.lockedUntil && !user.disabled ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => unlock.mutate({ userId: user.id })}>
              Unlock
            </Button>
          ) : null}
          {!user.disabled && !isMe ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => {
                // A new link voids one already sent: ask first when there is one.
                const pending = user.linkExpiresAt && new Date(user.linkExpiresAt) > new Date();
                if (!pending || window.confirm(`${user.name} has a link that still works. Replace it with a new one?`))
                  passwordLink.mutate({ userId: user.id });
              }}
            >
              {passwordLink.isPending ? <Spinner /> : null}
              {user.passwordSet ? "Password link" : "New invitation link"}
            </Button>
          ) : null}
          {user.mfaEnrolled && !isMe ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => {
                if (
                  window.confirm(
                    `Remove ${user.name}'s authenticator? Use this when they lost their phone and recovery codes.`,
                  )
                )
                  resetMfa.mutate({ userId: user.id });
              }}
            >
              Reset two-step
            </Button>
          ) : null}
          {!isMe ? (
            <Button
              size="sm"
              variant={user.disabled ? "secondary" : "destructive"}
              disabled={busy}
              onClick={() => {
                if (
                  user.disabled ||
                  window.confirm(`Disable ${user.name}? They are signed out everywhere and cannot sign in.`)
                ) {
                  setDisabled.mutate({ userId: user.id, disabled: !user.disabled });
                }
              }}
            >
              {user.disabled ? "Enable" : "Disable"}
            </Button>
          ) : null}
        </div>
      </TableCell>
    </TableRow>
  );
}
