"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LocationsMapLoader } from "~/components/hcp/locations-map-loader";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { ArrowLeft, MapPinOff, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  Skeleton,
  Spinner,
} from "@pharmacrm/ui";

import { AlignmentEditor } from "./alignment-editor";
import type { Notice } from "./territories-screen";
import { TerritoryForm } from "./territory-form";

type Territory = RouterOutputs["territories"]["get"];

const count = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/** One territory for an admin: its details, its ZIPs on the map, their alignment, and closing it. */
export function TerritoryScreen({ id, created }: { id: string; created: boolean }) {
  const trpc = useTRPC();
  const territory = useQuery(trpc.territories.get.queryOptions({ id }));
  const regions = useQuery(trpc.territories.list.queryOptions());
  const [notice, setNotice] = useState<Notice | null>(null);
  const back = (
    <Link href="/admin/territories" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
      <ArrowLeft className="size-4" aria-hidden /> All territories
    </Link>
  );
  if (territory.isError && !territory.data)
    return (
      <div className="grid gap-4">
        {back}
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the territory"
            message={messageOf(territory.error)}
            onRetry={() => void territory.refetch()}
          />
        </Card>
      </div>
    );
  if (territory.isPending || regions.isPending)
    return (
      <div className="grid gap-4" role="status">
        <span className="sr-only">Loading the territory…</span>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  const t = territory.data;
  const regionName = regions.data?.find((r) => r.id === t.regionId)?.name;
  return (
    <div className="grid gap-4">
      {back}
      <div className="flex flex-wrap items-baseline gap-2">
        <h1 className="text-xl font-semibold text-slate-900">{t.name}</h1>
        <span className="text-sm text-slate-500">
          {t.code}
          {regionName ? ` · ${regionName}` : ""}
        </span>
        {t.closedAt ? <Badge tone="neutral">Closed</Badge> : null}
      </div>
      {notice ? (
        <Alert tone={notice.tone} data-testid="territory-notice">
          {notice.text}
        </Alert>
      ) : created && t.zips.length === 0 ? (
        <Alert tone="success" data-testid="territory-notice">
          {t.name} is created. List its ZIP codes below, run the dry run, then apply; then assign its reps on the Users
          screen.
        </Alert>
      ) : null}
      {t.closedAt ? (
        <Card className="p-4 text-sm text-slate-600">
          This territory was closed on {new Date(t.closedAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}. It
          covers no ZIP code and no rep; its calls and plans still name it.
        </Card>
      ) : (
        <>
          <Card className="p-4">
            {regions.data ? (
              <TerritoryForm
                key={`${t.code}-${t.name}-${t.regionId}`}
                regions={regions.data}
                territory={{ id: t.id, code: t.code, name: t.name, regionId: t.regionId }}
                onDone={setNotice}
              />
            ) : (
              <p className="text-sm text-red-700">The regions could not be loaded; reload the page to edit.</p>
            )}
          </Card>
          <ZipMap territory={t} />
          <AlignmentEditor key={t.zips.map((z) => z.zip5).join(",")} territory={t} onDone={setNotice} />
          <CloseTerritory territory={t} onDone={setNotice} />
        </>
      )}
    </div>
  );
}

function ZipMap({ territory }: { territory: Territory }) {
  const placed = territory.zips.filter((z) => z.lat !== null && z.lng !== null);
  const hcps = territory.zips.reduce((sum, z) => sum + z.hcps, 0);
  return (
    <Card aria-labelledby="zip-map-title">
      <CardHeader className="block">
        <CardTitle id="zip-map-title">
          {territory.zips.length.toLocaleString("en-US")} ZIP codes · {hcps.toLocaleString("en-US")} physicians
        </CardTitle>
        <CardDescription>
          Each ZIP code at its centroid
          {placed.length < territory.zips.length
            ? `; ${territory.zips.length - placed.length} not on the map (not in the ZIP reference)`
            : ""}
          .
        </CardDescription>
      </CardHeader>
      <div className="px-4 pb-4">
        {placed.length > 0 ? (
          <LocationsMapLoader
            points={placed.map((z) => ({
              lat: z.lat!,
              lng: z.lng!,
              primary: false,
              labels: [
                {
                  title: `ZIP ${z.zip5}`,
                  lines: [z.city ?? "", `${z.hcps.toLocaleString("en-US")} physician${z.hcps === 1 ? "" : "s"}`].filter(
                    Boolean,
                  ),
                },
              ],
            }))}
          />
        ) : (
          <div className="flex h-24 items-center justify-center gap-2 rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
            <MapPinOff className="size-4" aria-hidden />
            {territory.zips.length ? "None of its ZIP codes is in the ZIP reference." : "No ZIP codes yet."}
          </div>
        )}
      </div>
    </Card>
  );
}

function CloseTerritory({ territory, onDone }: { territory: Territory; onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation(
    trpc.territories.close.mutationOptions({
      onSuccess: (result) => {
        onDone({
          tone: "success",
          text: `${territory.name} is closed: ${count(result.zips, "ZIP code")} and ${count(result.reps, "rep")} released.`,
        });
        // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
        void queryClient.invalidateQueries();
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  return (
    <Card className="flex flex-wrap items-center gap-3 p-4">
      <div className="grow text-sm">
        <p className="font-medium text-slate-900">Close this territory</p>
        <p className="text-slate-500">
          Its ZIP codes and reps are released at once; its calls, tasks and plans keep its name. This cannot be undone.
        </p>
      </div>
      {confirming ? (
        <div className="flex items-center gap-2">
          <span className="text-sm text-slate-700">Close {territory.name}?</span>
          <Button
            variant="destructive"
            size="sm"
            disabled={close.isPending}
            onClick={() => close.mutate({ id: territory.id })}
          >
            {close.isPending ? <Spinner /> : null} Close territory
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Close…
        </Button>
      )}
    </Card>
  );
}
