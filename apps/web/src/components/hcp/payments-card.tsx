import { formatCalendarDate } from "~/lib/format";
import { HandCoins } from "lucide-react";

import {
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

import { formatCount, formatMoney } from "./figures";
import { PaymentsChart } from "./payments-chart";
import { DatasetSource } from "./source-footer";
import { releasesLabel } from "./source-releases";
import type { HcpPayments, HcpProfile } from "./types";

/** Totals per row (manufacturer or nature) with one column per program year. */
function TotalsByYear({
  title,
  testId,
  years,
  rows,
}: {
  title: string;
  testId: string;
  years: number[];
  rows: { name: string; amount: number; records: number; byYear: Map<number, number> }[];
}) {
  return (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>{title}</TableHead>
          {years.map((y) => (
            <TableHead key={y} className="text-right">
              {y}
            </TableHead>
          ))}
          <TableHead className="text-right">Total</TableHead>
          <TableHead className="text-right">Records</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.name}>
            <TableCell className="text-slate-900">{r.name}</TableCell>
            {years.map((y) => (
              <TableCell key={y} className="text-right tabular-nums">
                {r.byYear.has(y) ? formatMoney(r.byYear.get(y)!) : <span className="text-slate-400">—</span>}
              </TableCell>
            ))}
            <TableCell className="text-right font-medium text-slate-900 tabular-nums">
              {formatMoney(r.amount)}
            </TableCell>
            <TableCell className="text-right text-slate-500 tabular-nums">{formatCount(r.records)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function perYear<K extends string>(
  cells: ({ year: number; amount: number } & Record<K, string>)[],
  key: K,
  name: string,
) {
  return new Map(cells.filter((c) => c[key] === name).map((c) => [c.year, c.amount]));
}

function LargestPayments({ largest }: { largest: HcpPayments["largest"] }) {
  return (
    <Table data-testid="payments-largest">
      <TableHeader>
        <TableRow>
          <TableHead>Date</TableHead>
          <TableHead>Manufacturer</TableHead>
          <TableHead>Nature</TableHead>
          <TableHead>Products</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {largest.map((p) => (
          <TableRow key={p.recordId}>
            <TableCell className="whitespace-nowrap text-slate-500">{formatCalendarDate(p.date)}</TableCell>
            <TableCell className="text-slate-900">{p.manufacturer}</TableCell>
            <TableCell>
              {p.nature}
              {p.form ? <div className="text-xs text-slate-500">{p.form}</div> : null}
            </TableCell>
            <TableCell className="text-xs">
              {p.products.length > 0 ? p.products.join(", ") : <span className="text-slate-400">—</span>}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <span className="font-medium text-slate-900">{formatMoney(p.amount)}</span>
              {p.numberOfPayments > 1 ? (
                <div className="text-xs text-slate-500">{p.numberOfPayments} payments</div>
              ) : null}
              {p.disputed ? (
                <Badge tone="warning" className="mt-1">
                  Disputed
                </Badge>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function PaymentsCard({ profile }: { profile: HcpProfile }) {
  const { payments, sources } = profile;
  const years = payments.byYear.map((y) => y.year);
  return (
    <Card aria-labelledby="payments-title" data-testid="payments" id="payments" className="scroll-mt-28">
      <CardHeader className="block">
        <CardTitle id="payments-title">Open Payments received</CardTitle>
        <CardDescription>
          General payments from drug and device manufacturers, as they reported them to CMS.
        </CardDescription>
      </CardHeader>
      {payments.total.records === 0 ? (
        <EmptyState
          icon={<HandCoins />}
          title={
            sources.open_payments.length > 0
              ? `No Open Payments records for this NPI in ${releasesLabel(sources.open_payments)}`
              : "Open Payments has not been loaded yet"
          }
          className="py-8"
        />
      ) : (
        <div className="space-y-5 px-4 py-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <div className="rounded-md border border-slate-100 bg-slate-50/60 px-3 py-2">
              <dt className="text-xs text-slate-500">Total received</dt>
              <dd className="mt-0.5 text-sm font-semibold text-slate-900" data-testid="payments-total">
                {formatMoney(payments.total.amount)}
              </dd>
              <dd className="text-xs text-slate-500">{formatCount(payments.total.records)} records</dd>
            </div>
            {payments.byYear.slice(-3).map((y) => (
              <div key={y.year} className="rounded-md border border-slate-100 bg-slate-50/60 px-3 py-2">
                <dt className="text-xs text-slate-500">Program year {y.year}</dt>
                <dd className="mt-0.5 text-sm font-semibold text-slate-900">{formatMoney(y.amount)}</dd>
                <dd className="text-xs text-slate-500">{formatCount(y.records)} records</dd>
              </div>
            ))}
          </dl>
          <PaymentsChart payments={payments} />
          <TotalsByYear
            title="Manufacturer"
            testId="payments-by-manufacturer"
            years={years}
            rows={payments.byManufacturer.map((m) => ({
              name: m.manufacturer,
              amount: m.amount,
              records: m.records,
              byYear: perYear(payments.byYearAndManufacturer, "manufacturer", m.manufacturer),
            }))}
          />
          <TotalsByYear
            title="Nature of payment"
            testId="payments-by-nature"
            years={years}
            rows={payments.byNature.map((n) => ({
              name: n.nature,
              amount: n.amount,
              records: n.records,
              byYear: perYear(payments.byYearAndNature, "nature", n.nature),
            }))}
          />
          <div>
            <h3 className="mb-1 text-sm font-medium text-slate-900">Largest payments</h3>
            <LargestPayments largest={payments.largest} />
          </div>
        </div>
      )}
      <DatasetSource
        dataset="CMS Open Payments (general payments)"
        runs={sources.open_payments}
        testId="source-open-payments"
      />
    </Card>
  );
}
