"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "~/components/query-state";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { MapPinned } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import {
  Alert,
  Badge,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { NewRegionForm, RenameRegion } from "./region-forms";
import { TerritoryForm } from "./territory-form";

type Region = RouterOutputs["territories"]["list"][number];
export type Notice = { tone: "success" | "danger"; text: string };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The org's regions and territories for its admins: what each covers, who works it, and where to change it. */
export function TerritoriesScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.territories.list.queryOptions());
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Territories</h1>
        <p className="mt-1 text-sm text-slate-500">
          Regions and their territories. A territory covers the physicians whose NPPES practice ZIP it lists; its reps
          see them, and its region&apos;s manager sees its reps. Open a territory to change its ZIPs with a dry run
          first. Every change is in the audit trail.
        </p>
      </div>
      {notice ? (
        <Alert tone={notice.tone} data-testid="territories-notice">
          {notice.text}
        </Alert>
      ) : null}
      <QueryState query={list} what="the territories" rows={4}>
        {(regions) => (
          <>
            <Card className="grid gap-4 p-4 lg:grid-cols-2">
              <NewRegionForm onDone={setNotice} />
              {regions.length > 0 ? (
                <TerritoryForm regions={regions} onDone={setNotice} />
              ) : (
                <p className="text-sm text-slate-500">Create a region first: every territory belongs to one.</p>
              )}
            </Card>
            {regions.length === 0 ? (
              <Card>
                <EmptyState
                  icon={<MapPinned />}
                  title="No regions yet"
                  description="Create a region, then its territories, then give each territory its ZIP codes."
                />
              </Card>
            ) : (
              regions.map((r) => <RegionCard key={r.id} region={r} onDone={setNotice} />)
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function RegionCard({ region, onDone }: { region: Region; onDone: (notice: Notice) => void }) {
  const open = region.territories.filter((t) => !t.closedAt).length;
  return (
    <Card className="overflow-hidden" data-testid={`region-${region.name}`}>
      <CardHeader>
        <div>
          <CardTitle>{region.name}</CardTitle>
          <CardDescription>
            {count(open, "open territory", "open territories")} ·{" "}
            {region.managers.length ? `managed by ${region.managers.join(", ")}` : "no manager yet"}
          </CardDescription>
        </div>
        <RenameRegion region={region} onDone={onDone} />
      </CardHeader>
      {region.territories.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-500">No territories in this region yet.</p>
      ) : (
        <Table aria-label={`Territories of ${region.name}`}>
          <TableHeader>
            <TableRow>
              <TableHead>Territory</TableHead>
              <TableHead className="text-right">ZIP codes</TableHead>
              <TableHead className="text-right">Physicians</TableHead>
              <TableHead>Reps</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {region.territories.map((t) => (
              <TableRow key={t.id} data-testid={`territory-${t.code}`}>
                <TableCell>
                  <Link href={`/admin/territories/${t.id}`} className="font-medium text-brand-700 hover:underline">
                    {t.name}
                  </Link>
                  <span className="ml-2 text-xs text-slate-500">{t.code}</span>
                  {t.closedAt ? (
                    <Badge tone="neutral" className="ml-2">
                      Closed
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{t.zips.toLocaleString("en-US")}</TableCell>
                <TableCell className="text-right tabular-nums">{t.hcps.toLocaleString("en-US")}</TableCell>
                <TableCell className="text-sm text-slate-600">
                  {t.reps.length ? t.reps.join(", ") : t.closedAt ? "—" : <span className="text-amber-700">None</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
