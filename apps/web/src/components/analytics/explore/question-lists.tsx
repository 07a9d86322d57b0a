"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCalendarDate } from "~/lib/format";
import { messageOf, useTRPC } from "~/trpc/react";
import { AlertTriangle, BadgeCheck, Share2, Users } from "lucide-react";

import type { Role, SemanticQuery, SharedQuestion } from "@pharmacrm/domain";
import { Alert, Button, Card, CardHeader, CardTitle, EmptyState, Skeleton } from "@pharmacrm/ui";

import { QuestionBadge } from "./question-badge";

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.analytics.pins.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.analytics.shared.queryKey() });
    },
  };
}

type Open = (query: SemanticQuery, title: string) => void;

/** The person's saved questions: open one, or share it with the org (or stop sharing it). */
function MyQuestions({ onOpen, orgName }: { onOpen: Open; orgName: string }) {
  const trpc = useTRPC();
  const pins = useQuery(trpc.analytics.pins.queryOptions());
  const share = useMutation(trpc.analytics.share.mutationOptions(useRefresh()));
  if (pins.error)
    return (
      <Alert tone="danger" icon={<AlertTriangle />} title="Your questions could not be loaded">
        {messageOf(pins.error)}
      </Alert>
    );
  if (!pins.data) return <Skeleton className="h-24 w-full" aria-label="Loading your questions" />;
  if (!pins.data.length)
    return (
      <p className="text-sm text-slate-500">
        Nothing saved yet. Build a question and save it: it shows on your dashboard and here.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100" data-testid="my-questions">
      {share.error ? (
        <li role="alert" className="py-1 text-sm text-red-700">
          {messageOf(share.error)}
        </li>
      ) : null}
      {pins.data.map((q) => (
        <li key={q.id} className="flex flex-wrap items-center gap-2 py-2">
          <span className="min-w-0 flex-1 truncate text-sm text-slate-900">{q.title}</span>
          <QuestionBadge shared={q.shared} certified={q.certified} />
          {q.query ? (
            <Button variant="secondary" size="sm" onClick={() => onOpen(q.query!, q.title)}>
              Open
            </Button>
          ) : (
            <span className="text-xs text-red-700">{q.problem}</span>
          )}
          <Button
            variant="ghost"
            size="sm"
            disabled={share.isPending}
            onClick={() => share.mutate({ id: q.id, shared: !q.shared })}
            aria-label={q.shared ? `Stop sharing “${q.title}”` : `Share “${q.title}” with ${orgName}`}
          >
            <Share2 /> {q.shared ? "Stop sharing" : "Share"}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function SharedRow({ q, role, onOpen }: { q: SharedQuestion; role: Role; onOpen: Open }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const certify = useMutation(trpc.analytics.certify.mutationOptions(refresh));
  const share = useMutation(trpc.analytics.share.mutationOptions(refresh));
  const pin = useMutation(trpc.analytics.pin.mutationOptions(refresh));
  const failed = certify.error ?? share.error ?? pin.error;
  return (
    <li className="grid gap-1 py-2" data-testid="shared-question">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">{q.title}</span>
        <QuestionBadge shared certified={q.certified} />
      </div>
      <p className="text-xs text-slate-500">
        {q.mine ? "Yours" : `By ${q.owner}`}, shared {formatCalendarDate(q.sharedAt)}
        {q.certified ? ` · certified by ${q.certified.by}` : ""}
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        {q.query ? (
          <Button variant="secondary" size="sm" onClick={() => onOpen(q.query!, q.title)}>
            Open
          </Button>
        ) : (
          <span className="text-xs text-red-700">{q.problem}</span>
        )}
        {q.query && !q.mine ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={pin.isPending || pin.isSuccess}
            onClick={() => pin.mutate({ title: q.title, query: q.query! })}
          >
            {pin.isSuccess ? "On your dashboard" : "Add to my dashboard"}
          </Button>
        ) : null}
        {role === "rep" || !q.query ? null : (
          <Button
            variant="ghost"
            size="sm"
            disabled={certify.isPending}
            onClick={() => certify.mutate({ id: q.id, certified: q.certified === null })}
            data-testid="certify-question"
          >
            <BadgeCheck /> {q.certified ? "Withdraw certification" : "Certify"}
          </Button>
        )}
        {role === "admin" && !q.mine ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={share.isPending}
            onClick={() => share.mutate({ id: q.id, shared: false })}
          >
            Take off the list
          </Button>
        ) : null}
      </div>
      {failed ? (
        <p role="alert" className="text-xs text-red-700">
          {messageOf(failed)}
        </p>
      ) : null}
    </li>
  );
}

/** The org's shared questions, certified ones first: each opens here and counts what the viewer may see. */
function SharedQuestions({ role, onOpen, orgName }: { role: Role; onOpen: Open; orgName: string }) {
  const trpc = useTRPC();
  const shared = useQuery(trpc.analytics.shared.queryOptions());
  if (shared.error)
    return (
      <Alert tone="danger" icon={<AlertTriangle />} title="The shared questions could not be loaded">
        {messageOf(shared.error)}
      </Alert>
    );
  if (!shared.data) return <Skeleton className="h-24 w-full" aria-label="Loading shared questions" />;
  if (!shared.data.length)
    return (
      <EmptyState
        icon={<Users />}
        title={`Nothing shared in ${orgName} yet`}
        description="Save a question with “Share” ticked and everyone in the org can open it, each counting what they may see."
      />
    );
  return (
    <ul className="divide-y divide-slate-100" data-testid="shared-questions">
      {shared.data.map((q) => (
        <SharedRow key={q.id} q={q} role={role} onOpen={onOpen} />
      ))}
    </ul>
  );
}

export function QuestionLists({ role, orgName, onOpen }: { role: Role; orgName: string; onOpen: Open }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Your questions</CardTitle>
        </CardHeader>
        <div className="px-4 pb-3">
          <MyQuestions onOpen={onOpen} orgName={orgName} />
        </div>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Shared in {orgName}</CardTitle>
        </CardHeader>
        <div className="px-4 pb-3">
          <SharedQuestions role={role} onOpen={onOpen} orgName={orgName} />
        </div>
      </Card>
    </div>
  );
}
