"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCalendarDate, numberFormat } from "~/lib/format";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { ClipboardList, Plus, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useState } from "react";

import {
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { AttainmentBar } from "./attainment-bar";
import { NewPlanForm } from "./plan-form";
import { PlanStatusBadge } from "./plan-status";

type PlanList = RouterOutputs["callPlan"]["list"];

/** The call plans of the viewer's territories with their attainment; per rep for managers and admins. */
export function CallPlansScreen() {
  const trpc = useTRPC();
  const router = useRouter();
  const [show, setShow] = useQueryState(
    "show",
    parseAsStringLiteral(["current", "all"] as const).withDefault("current"),
  );
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.callPlan.list.queryOptions({ show }));

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Call plans</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">
            Each territory's cycle: the physicians to see and how often. Attainment is planned calls made ÷ planned
            calls — a physician's calls beyond their plan do not count for another. The tick on a bar marks how much of
            the cycle has gone.
          </p>
        </div>
        <div className="flex items-center gap-2">
          <div role="group" aria-label="Which plans" className="inline-flex rounded-md ring-1 ring-slate-300">
            {(["current", "all"] as const).map((value) => (
              <Button
                key={value}
                size="sm"
                variant={show === value ? "primary" : "ghost"}
                aria-pressed={show === value}
                onClick={() => void setShow(value)}
              >
                {value === "current" ? "Running and upcoming" : "All, ended included"}
              </Button>
            ))}
          </div>
          {list.data?.canPlan && !creating ? (
            <Button onClick={() => setCreating(true)}>
              <Plus aria-hidden /> New plan
            </Button>
          ) : null}
        </div>
      </div>

      {creating ? (
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">New call plan</h2>
          <NewPlanForm onCancel={() => setCreating(false)} onCreated={(id) => router.push(`/call-plans/${id}`)} />
        </Card>
      ) : null}

      {list.isError && !list.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the call plans"
            message={messageOf(list.error)}
            onRetry={() => void list.refetch()}
          />
        </Card>
      ) : list.isPending ? (
        <Card className="space-y-2 p-4" role="status">
          <span className="sr-only">Loading the call plans…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <>
          {list.data.byRep.length > 0 && list.data.canPlan ? <ByRep reps={list.data.byRep} /> : null}
          <Plans data={list.data} show={show} />
        </>
      )}
    </div>
  );
}

function ByRep({ reps }: { reps: PlanList["byRep"] }) {
  return (
    <Card className="overflow-hidden" aria-labelledby="by-rep-title">
      <CardHeader>
        <div>
          <CardTitle id="by-rep-title">By rep, plans running today</CardTitle>
          <CardDescription>
            Lowest attainment first. Each rep is shown the plans of the territories they are assigned to, counting every
            call on the targets whoever made it; a rep with two territories has their plans added up.
          </CardDescription>
        </div>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Rep</TableHead>
            <TableHead className="text-right">Targets</TableHead>
            <TableHead className="text-right">Planned calls</TableHead>
            <TableHead className="text-right">Made</TableHead>
            <TableHead className="text-right">Remaining</TableHead>
            <TableHead>Attainment</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reps.map((rep) => (
            <TableRow key={rep.id}>
              <TableCell className="font-medium text-slate-900">{rep.name}</TableCell>
              <TableCell className="text-right tabular-nums">{numberFormat.format(rep.totals.targets)}</TableCell>
              <TableCell className="text-right tabular-nums">{numberFormat.format(rep.totals.planned)}</TableCell>
              <TableCell className="text-right tabular-nums">{numberFormat.format(rep.totals.made)}</TableCell>
              <TableCell className="text-right tabular-nums">{numberFormat.format(rep.totals.remaining)}</TableCell>
              <TableCell>
                <AttainmentBar attainment={rep.totals.attainment} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

function Plans({ data, show }: { data: PlanList; show: "current" | "all" }) {
  if (data.plans.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<ClipboardList />}
          title={show === "current" ? "No plan is running or coming up" : "No call plans yet"}
          description={
            data.canPlan
              ? "Create a plan for a territory's cycle, then set its targets by tier, one by one or from a file."
              : "Your manager sets your territory's call plan; it appears here with your attainment."
          }
        />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden" aria-labelledby="plans-title">
      <CardHeader>
        <div>
          <CardTitle id="plans-title">Plans</CardTitle>
          <CardDescription>
            {data.plans.length} {data.plans.length === 1 ? "plan" : "plans"}
            {show === "current" ? " running or upcoming" : ""}.
          </CardDescription>
        </div>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Plan</TableHead>
            <TableHead>Territory</TableHead>
            <TableHead>Rep</TableHead>
            <TableHead>Cycle</TableHead>
            <TableHead className="text-right">Targets</TableHead>
            <TableHead className="text-right">Made / planned</TableHead>
            <TableHead>Attainment</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.plans.map((plan) => (
            <TableRow key={plan.id}>
              <TableCell>
                <Link href={`/call-plans/${plan.id}`} className="font-medium text-brand-700 hover:underline">
                  {plan.name}
                </Link>{" "}
                <PlanStatusBadge status={plan.status} />
              </TableCell>
              <TableCell>
                {plan.territoryName} <span className="text-xs text-slate-500">{plan.regionName}</span>
              </TableCell>
              <TableCell>
                {plan.reps.map((r) => r.name).join(", ") || <span className="text-slate-400">None assigned</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {formatCalendarDate(plan.startsOn)} – {formatCalendarDate(plan.endsOn)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{numberFormat.format(plan.totals.targets)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {numberFormat.format(plan.totals.made)} / {numberFormat.format(plan.totals.planned)}
              </TableCell>
              <TableCell>
                <AttainmentBar
                  attainment={plan.totals.attainment}
                  elapsed={plan.status === "active" ? plan.elapsed : undefined}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
