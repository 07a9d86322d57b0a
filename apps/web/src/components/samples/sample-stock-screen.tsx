"use client";

import { useQuery } from "@tanstack/react-query";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Package, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { parseAsString, useQueryState } from "nuqs";
import { useState } from "react";

import {
  Alert,
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Label,
  Select,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { AdjustForm, ReceiveForm } from "./stock-forms";

type Stock = RouterOutputs["samples"]["stock"];
export type StockLot = Stock["lots"][number];

const KIND = { received: "Received", dropped: "Dropped at a call", adjusted: "Adjusted", reversed: "Call unlocked" };
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A rep's sample stock by lot, the shipments and corrections that move it, and every movement's trail. */
export function SampleStockScreen() {
  const trpc = useTRPC();
  const [rep, setRep] = useQueryState("rep", parseAsString);
  const stock = useQuery(trpc.samples.stock.queryOptions({ ownerId: rep ?? undefined }));
  const [done, setDone] = useState<string | null>(null);

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sample stock</h1>
        <p className="mt-1 text-sm text-slate-500">
          Units on hand per lot: shipments received, minus samples dropped at submitted calls, plus or minus
          corrections. Every movement is kept.
        </p>
      </div>
      {stock.data && stock.data.reps.length > 0 ? (
        <Card className="flex flex-wrap items-end gap-3 p-4">
          <div>
            <Label htmlFor="stock-rep">Whose stock</Label>
            <Select id="stock-rep" value={rep ?? ""} onChange={(e) => void setRep(e.target.value || null)}>
              <option value="">My own</option>
              {stock.data.reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </div>
        </Card>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {stock.isError && !stock.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the sample stock"
            message={messageOf(stock.error)}
            onRetry={() => void stock.refetch()}
          />
        </Card>
      ) : stock.isPending ? (
        <Card className="space-y-2 p-4" role="status">
          <span className="sr-only">Loading the stock…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <>
          <Lots stock={stock.data} />
          <div className="grid gap-4 lg:grid-cols-2">
            {stock.data.own ? (
              <Card>
                <CardHeader>
                  <div>
                    <CardTitle>Record a shipment received</CardTitle>
                    <CardDescription>As printed on the boxes: the lot and its expiry.</CardDescription>
                  </div>
                </CardHeader>
                <CardContent>
                  <ReceiveForm onDone={setDone} />
                </CardContent>
              </Card>
            ) : null}
            {stock.data.canAdjust ? (
              <Card>
                <CardHeader>
                  <div>
                    <CardTitle>Adjust a lot</CardTitle>
                    <CardDescription>A count that differs, a damaged or expired box: say why.</CardDescription>
                  </div>
                </CardHeader>
                <CardContent>
                  <AdjustForm
                    key={stock.data.owner.id}
                    lots={stock.data.lots}
                    ownerId={stock.data.own ? undefined : stock.data.owner.id}
                    onDone={setDone}
                  />
                </CardContent>
              </Card>
            ) : null}
          </div>
          <Movements stock={stock.data} />
        </>
      )}
    </div>
  );
}

function Lots({ stock }: { stock: Stock }) {
  const whose = stock.own ? "your" : `${stock.owner.name}'s`;
  if (stock.lots.length === 0)
    return (
      <Card>
        <EmptyState
          icon={<Package />}
          title={`No samples in ${whose} stock yet`}
          description={
            stock.own
              ? "Record the shipment you received below; its lots then appear on the call report."
              : "Nothing has been received into it."
          }
        />
      </Card>
    );
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>On hand</CardTitle>
      </CardHeader>
      <Table aria-label="Lots on hand">
        <TableHeader>
          <TableRow>
            <TableHead>Product</TableHead>
            <TableHead>Lot</TableHead>
            <TableHead className="text-right">Units</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Last movement</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stock.lots.map((l) => (
            <TableRow key={`${l.productId}|${l.lotNumber}`} data-testid="stock-lot">
              <TableCell className="font-medium">{l.product}</TableCell>
              <TableCell>{l.lotNumber}</TableCell>
              <TableCell className="text-right tabular-nums">{l.balance.toLocaleString("en-US")}</TableCell>
              <TableCell>
                {l.expiresOn ?? "—"}{" "}
                {l.expiresOn && l.expiresOn < today() ? (
                  <Badge tone="danger">Expired</Badge>
                ) : l.expiresOn && l.expiresOn <= inDays(30) ? (
                  <Badge tone="warning">Within 30 days</Badge>
                ) : null}
              </TableCell>
              <TableCell>{new Date(l.lastMovedAt).toLocaleDateString()}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

function Movements({ stock }: { stock: Stock }) {
  if (stock.movements.length === 0) return null;
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>Movements</CardTitle>
          <CardDescription>The newest 100.</CardDescription>
        </div>
      </CardHeader>
      <Table aria-label="Stock movements">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>What</TableHead>
            <TableHead>Product · lot</TableHead>
            <TableHead className="text-right">Units</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>By</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stock.movements.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{new Date(m.at).toLocaleString()}</TableCell>
              <TableCell>
                {m.interactionId ? (
                  <Link href={`/calls/${m.interactionId}`} className="text-brand-700 hover:underline">
                    {KIND[m.kind]}
                  </Link>
                ) : (
                  KIND[m.kind]
                )}
              </TableCell>
              <TableCell>
                {m.product} · {m.lotNumber}
              </TableCell>
              <TableCell className={`text-right tabular-nums ${m.quantity < 0 ? "text-red-700" : "text-emerald-700"}`}>
                {m.quantity > 0 ? "+" : "−"}
                {Math.abs(m.quantity).toLocaleString("en-US")}
              </TableCell>
              <TableCell className="max-w-xs truncate">{m.reason ?? ""}</TableCell>
              <TableCell>{m.recordedBy}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
