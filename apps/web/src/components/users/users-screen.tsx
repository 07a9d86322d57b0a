"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { TriangleAlert, Users } from "lucide-react";
import { useState } from "react";

import {
  Alert,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  EmptyState,
  ErrorState,
  Label,
  Skeleton,
  Table,
  TableBody,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { CallPolicyCard } from "./call-policy";
import { InviteUserCard } from "./invite-user";
import { IssuedLinkCard, type IssuedLink } from "./password-link";
import { UserRow } from "./user-row";

/** The org's people for its admins: roles, who is locked out, who has two-step verification, and the org's rule. */
export function UsersScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.users.list.queryOptions());
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [link, setLink] = useState<IssuedLink | null>(null);
  const showLink = (issued: IssuedLink) => {
    setNotice(null);
    setLink(issued);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const policy = useMutation(
    trpc.users.setMfaPolicy.mutationOptions({
      onSuccess: (_data, input) => {
        setNotice({
          tone: "success",
          text: input.requiredForAdmins
            ? "Admins must now use two-step verification."
            : "Two-step verification is now optional for admins.",
        });
        void refresh();
      },
      onError: (error) => setNotice({ tone: "danger", text: messageOf(error) }),
    }),
  );

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Users</h1>
        <p className="mt-1 text-sm text-slate-500">
          Invitations, password links, roles, reps' territories, sign-in lockouts and two-step verification for your
          organisation. A role change, disabling someone or a new password ends their sessions at once. Every change is
          recorded in the audit trail.
        </p>
      </div>
      {notice ? (
        <Alert tone={notice.tone} data-testid="users-notice">
          {notice.text}
        </Alert>
      ) : null}
      {link ? <IssuedLinkCard key={link.token} link={link} onClose={() => setLink(null)} /> : null}
      {list.isError && !list.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the users"
            message={messageOf(list.error)}
            onRetry={() => void list.refetch()}
          />
        </Card>
      ) : list.isPending ? (
        <Card className="space-y-2 p-4" aria-label="Loading the users">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <>
          <InviteUserCard regions={list.data.regions} onLink={showLink} onDone={setNotice} />
          <Card className="p-4">
            <div className="flex items-start gap-2.5">
              <Checkbox
                id="mfa-policy"
                checked={list.data.policy.requiredForAdmins}
                disabled={policy.isPending}
                onChange={(event) => policy.mutate({ requiredForAdmins: event.currentTarget.checked })}
              />
              <div>
                <Label htmlFor="mfa-policy">Admins must use two-step verification</Label>
                <p className="text-xs text-slate-500">
                  Admins without an authenticator are asked to set one up at their next page load. Reps and managers may
                  turn it on themselves. Platform operators always need it.
                </p>
              </div>
            </div>
          </Card>
          <CallPolicyCard days={list.data.callPolicy.backdateDays} onDone={setNotice} />
          <Card className="overflow-hidden" aria-labelledby="users-title">
            <CardHeader>
              <div>
                <CardTitle id="users-title">People</CardTitle>
                <CardDescription>{list.data.users.length} in your organisation.</CardDescription>
              </div>
            </CardHeader>
            {list.data.users.length === 0 ? (
              <EmptyState
                icon={<Users />}
                title="No users yet"
                description="People added to your organisation appear here."
              />
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Person</TableHead>
                    <TableHead>Role</TableHead>
                    <TableHead>Territories</TableHead>
                    <TableHead>Sign-in</TableHead>
                    <TableHead>Two-step</TableHead>
                    <TableHead className="text-right">Actions</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.data.users.map((user) => (
                    <UserRow
                      key={user.id}
                      user={user}
                      regions={list.data.regions}
                      territories={list.data.territories}
                      isMe={user.id === list.data.me}
                      onDone={setNotice}
                      onLink={showLink}
                    />
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
