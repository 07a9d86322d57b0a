"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AnalyticsCard } from "~/components/copilot/cards/analytics-card";
import { cubeOfQuery, describeResult } from "~/components/copilot/cards/analytics-figures";
import { messageOf, useTRPC } from "~/trpc/react";
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { useQueryState } from "nuqs";
import { useMemo, useState } from "react";

import type { Role, SemanticQuery } from "@pharmacrm/domain";
import { Alert, Card, Skeleton, Spinner } from "@pharmacrm/ui";

import { queryFromUrl, runnable, startQuery } from "./explore-query";
import { QueryBuilder } from "./query-builder";
import { QuestionLists } from "./question-lists";
import { SaveQuestion } from "./save-question";

const FIRST_QUESTION = startQuery("Calls", "Calls.count");

/** Build a question from the model, see it counted for your scope, save it, share it; open the org's shared ones. */
export function ExploreScreen({ role, orgName, scopeLabel }: { role: Role; orgName: string; scopeLabel: string }) {
  const trpc = useTRPC();
  // The question lives in the URL as JSON. A link whose question cannot be read is said so, and stays in the
  // address bar until the person changes something.
  const [link, setLink] = useQueryState("q", { history: "replace" });
  const linked = useMemo(() => (link ? queryFromUrl(link) : null), [link]);
  const query = linked ?? FIRST_QUESTION;
  // The name of the question opened from a list, kept while the link is the one it opened.
  const [opened, setOpened] = useState<{ title: string; key: string } | null>(null);
  const result = useQuery({ ...trpc.analytics.run.queryOptions(runnable(query)), placeholderData: keepPreviousData });
  const title = opened && opened.key === link ? opened.title : undefined;
  const change = (next: SemanticQuery) => void setLink(JSON.stringify(next));
  return (
    <div className="grid gap-4" data-testid="analytics-explore">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Explore</h1>
          <p className="text-sm text-slate-500">
            Pick what to count, how to break it down and over which period. Figures are counted for {scopeLabel}; a
            question you share is counted for each person who opens it, within what they may see.
          </p>
        </div>
        <Link href="/analytics" className="text-sm font-medium text-brand-700 underline">
          Back to the dashboard
        </Link>
      </header>
      {link && !linked ? (
        <Alert
          tone="warning"
          icon={<AlertTriangle />}
          title="The question in this link could not be read"
          data-testid="explore-bad-link"
        >
          It may have been cut short when it was copied. A new question is shown below; change anything to start from
          it.
        </Alert>
      ) : null}
      <div className="grid items-start gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card className="p-4">
          <QueryBuilder query={query} cube={cubeOfQuery(query)} onChange={change} />
        </Card>
        <div className="grid gap-3">
          {result.error ? (
            <Alert tone="danger" icon={<AlertTriangle />} title="Could not count that" data-testid="explore-error">
              {messageOf(result.error)}
            </Alert>
          ) : null}
          {result.data ? (
            <div className="relative">
              {result.isFetching ? (
                <span className="absolute top-3 right-3 z-10 flex items-center gap-1.5 rounded bg-white/90 px-2 py-1 text-xs text-slate-500">
                  <Spinner className="size-3.5" /> Counting…
                </span>
              ) : null}
              <AnalyticsCard
                key={JSON.stringify(result.data.query)}
                result={result.data}
                title={title}
                editable={false}
              />
            </div>
          ) : result.error ? null : (
            <Skeleton className="h-80 w-full" aria-label="Counting" />
          )}
          {result.data && !result.error ? (
            <Card className="p-4">
              <SaveQuestion
                query={result.data.query}
                suggested={title ?? describeResult(result.data)}
                orgName={orgName}
                counting={result.isPlaceholderData}
              />
            </Card>
          ) : null}
        </div>
      </div>
      <QuestionLists
        role={role}
        orgName={orgName}
        onOpen={(next, name) => {
          setOpened({ title: name, key: JSON.stringify(next) });
          change(next);
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
    </div>
  );
}
