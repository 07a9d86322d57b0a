"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCalendarDate, numberFormat } from "~/lib/format";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { ChevronLeft, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";

import { Button, Card, CardDescription, CardHeader, CardTitle, cn, ErrorState, Skeleton } from "@pharmacrm/ui";

import { AddTargetForm } from "./add-target-form";
import { AttainmentBar, percent } from "./attainment-bar";
import { ImportTargets } from "./import-targets";
import { PlanSettings } from "./plan-settings";
import { PlanStatusBadge } from "./plan-status";
import { TargetsTable } from "./targets-table";
import { TierForm } from "./tier-form";

type Detail = RouterOutputs["callPlan"]["detail"];

export function CallPlanScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.callPlan.detail.queryOptions({ id }));

  return (
    <div className="grid gap-4">
      <Link
        href="/call-plans"
        className="inline-flex w-fit items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ChevronLeft className="size-4" aria-hidden /> Call plans
      </Link>
      {detail.isError && !detail.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title={
              detail.error.data?.code === "NOT_FOUND" ? "This call plan was not found" : "Could not load the call plan"
            }
            message={
              detail.error.data?.code === "NOT_FOUND"
                ? "It may have been deleted, or it belongs to a territory you do not cover."
                : messageOf(detail.error)
            }
            onRetry={detail.error.data?.code === "NOT_FOUND" ? undefined : () => void detail.refetch()}
          />
        </Card>
      ) : detail.isPending ? (
        <div className="grid gap-4" role="status">
          <span className="sr-only">Loading the call plan…</span>
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <Plan data={detail.data} />
      )}
    </div>
  );
}

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{children}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

const TOOLS = [
  { id: "tier", label: "Set by tier" },
  { id: "add", label: "Add by NPI" },
  { id: "import", label: "Import a file" },
  { id: "settings", label: "Plan settings" },
] as const;

function Plan({ data }: { data: Detail }) {
  const { plan, totals } = data;
  const [tool, setTool] = useState<(typeof TOOLS)[number]["id"] | null>(data.targets.length === 0 ? "tier" : null);
  return (
    <>
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
          {plan.name} <PlanStatusBadge status={plan.status} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {plan.territoryName} ({plan.regionName}) · {formatCalendarDate(plan.startsOn)} –{" "}
          {formatCalendarDate(plan.endsOn)} · {plan.days} days
          {plan.status === "active" ? `, ${percent(plan.elapsed)} gone` : ""} ·{" "}
          {plan.reps.length ? plan.reps.map((r) => r.name).join(", ") : "no rep assigned"}
        </p>
      </div>
      <Card className="p-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label="Attainment" hint="planned calls made ÷ planned">
            <AttainmentBar
              attainment={totals.attainment}
              elapsed={plan.status === "active" ? plan.elapsed : undefined}
            />
          </Figure>
          <Figure label="Targets">{numberFormat.format(totals.targets)}</Figure>
          <Figure label="Planned calls">{numberFormat.format(totals.planned)}</Figure>
          <Figure label="Planned calls made" hint={`${numberFormat.format(totals.actual)} calls in all`}>
            {numberFormat.format(totals.made)}
          </Figure>
          <Figure label="Remaining">{numberFormat.format(totals.remaining)}</Figure>
          <Figure label="Targets complete">{numberFormat.format(totals.completed)}</Figure>
        </dl>
      </Card>

      {data.canPlan ? (
        <Card className="p-4">
          <div role="group" aria-label="Plan tools" className={cn("flex flex-wrap gap-1", tool && "mb-3")}>
            {TOOLS.map((t) => (
              <Button
                key={t.id}
                size="sm"
                aria-pressed={tool === t.id}
                aria-expanded={tool === t.id}
                aria-controls="plan-tool"
                variant={tool === t.id ? "primary" : "ghost"}
                onClick={() => setTool(tool === t.id ? null : t.id)}
              >
                {t.label}
              </Button>
            ))}
          </div>
          <div id="plan-tool" className={cn(tool ? undefined : "hidden")}>
            {tool === "tier" ? <TierForm planId={plan.id} /> : null}
            {tool === "add" ? <AddTargetForm planId={plan.id} /> : null}
            {tool === "import" ? <ImportTargets planId={plan.id} /> : null}
            {tool === "settings" ? (
              <PlanSettings
                plan={{ id: plan.id, name: plan.name, startsOn: plan.startsOn, endsOn: plan.endsOn }}
                targets={totals.targets}
              />
            ) : null}
          </div>
        </Card>
      ) : null}

      <Card className="overflow-hidden" aria-labelledby="targets-title">
        <CardHeader>
          <div>
            <CardTitle id="targets-title">Targets</CardTitle>
            <CardDescription>
              Calls made count every call on the physician in {plan.territoryName} between the plan's dates, whoever
              made it.
            </CardDescription>
          </div>
        </CardHeader>
        <TargetsTable planId={plan.id} targets={data.targets} canPlan={data.canPlan} />
      </Card>

      {data.callsByRep.length > 0 ? (
        <Card className="p-4" aria-labelledby="calls-by-rep">
          <h2 id="calls-by-rep" className="text-sm font-semibold text-slate-900">
            Calls on targets, by who made them
          </h2>
          <ul className="mt-2 grid gap-1 text-sm text-slate-700">
            {data.callsByRep.map((rep) => (
              <li key={rep.id}>
                {rep.name}: <span className="font-medium tabular-nums">{numberFormat.format(rep.calls)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
