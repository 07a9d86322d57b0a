"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AnalyticsCard } from "~/components/copilot/cards/analytics-card";
import { messageOf, useTRPC } from "~/trpc/react";
import { AlertTriangle, ArrowDown, ArrowUp, Pin, X } from "lucide-react";

import type { SavedQuestion } from "@pharmacrm/domain";
import { Alert, Button, Card, EmptyState, Skeleton } from "@pharmacrm/ui";

import { QuestionBadge } from "./explore/question-badge";

const MOVES = [
  ["up", ArrowUp],
  ["down", ArrowDown],
] as const;

function PinActions({ pin, first, last }: { pin: SavedQuestion; first: boolean; last: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = { onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.analytics.pins.queryKey() }) };
  const move = useMutation(trpc.analytics.movePin.mutationOptions(refresh));
  const unpin = useMutation(trpc.analytics.unpin.mutationOptions(refresh));
  const busy = move.isPending || unpin.isPending;
  const failed = move.error ?? unpin.error;
  return (
    <>
      <QuestionBadge shared={pin.shared} certified={pin.certified} />
      {failed ? (
        <span role="alert" className="text-xs text-red-700">
          {messageOf(failed)}
        </span>
      ) : null}
      {MOVES.map(([direction, Icon]) => (
        <Button
          key={direction}
          variant="ghost"
          size="icon"
          aria-label={`Move “${pin.title}” ${direction}`}
          disabled={busy || (direction === "up" ? first : last)}
          onClick={() => move.mutate({ id: pin.id, direction })}
        >
          <Icon />
        </Button>
      ))}
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Remove “${pin.title}” from the dashboard${pin.shared ? " and from the shared questions" : ""}`}
        disabled={busy}
        onClick={() => unpin.mutate({ id: pin.id })}
        data-testid="pin-remove"
      >
        <X />
      </Button>
    </>
  );
}

function PinnedCard({ pin, first, last }: { pin: SavedQuestion; first: boolean; last: boolean }) {
  const trpc = useTRPC();
  const result = useQuery({ ...trpc.analytics.run.queryOptions(pin.query!), enabled: pin.query !== null });
  const actions = <PinActions pin={pin} first={first} last={last} />;
  if (pin.problem !== null || result.error) {
    return (
      <Card className="px-4 py-3">
        <div className="flex items-start justify-between gap-3">
          <p className="text-sm font-medium text-slate-900">{pin.title}</p>
          <div className="flex items-center gap-1">{actions}</div>
        </div>
        <Alert tone="danger" icon={<AlertTriangle />} title="This question could not be counted" className="mt-2">
          {pin.problem ?? messageOf(result.error)}
        </Alert>
      </Card>
    );
  }
  if (!result.data) return <Skeleton className="h-72 w-full" aria-label={`Loading ${pin.title}`} />;
  return <AnalyticsCard result={result.data} title={pin.title} actions={actions} />;
}

/** The questions the person pinned from the copilot or a card, in their order, each run afresh for their scope. */
export function PinnedQuestions() {
  const trpc = useTRPC();
  const pins = useQuery(trpc.analytics.pins.queryOptions());
  return (
    <section aria-label="Pinned questions" className="grid gap-3" data-testid="pinned-questions">
      <h2 className="text-sm font-semibold text-slate-900">Pinned questions</h2>
      {pins.error ? (
        <Alert tone="danger" icon={<AlertTriangle />} title="Your pinned questions could not be loaded">
          {messageOf(pins.error)}
        </Alert>
      ) : !pins.data ? (
        <Skeleton className="h-24 w-full" aria-label="Loading pinned questions" />
      ) : pins.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Pin />}
            title="Nothing pinned yet"
            description="Ask the copilot a numbers question, or change a report below, and press “Pin to dashboard” on its answer. It shows here, counted afresh each time."
          />
        </Card>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {pins.data.map((pin, i) => (
            <div key={pin.id} data-testid="pinned-question">
              <PinnedCard pin={pin} first={i === 0} last={i === pins.data.length - 1} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
