// Public data published once a year — Medicare Part D (about two years behind) and Open Payments (each program year
// the June after) — is counted by the years loaded: the latest one when a question names no period, and said so; a
// period outside them is said, never shown as a bare zero.
import { sql } from "drizzle-orm";

import { rowsOf, type Db } from "@pharmacrm/db";

import type { Scope } from "../scope";
import type { DataYears } from "./compile";
import { alignedHcps } from "./fact";
import type { CubeName } from "./model";
import { resolveRange } from "./periods";
import type { SemanticQuery } from "./query";

type Yearly = Extract<CubeName, "PartD" | "Payments">;
export const isYearly = (cube: CubeName): cube is Yearly => cube === "PartD" || cube === "Payments";

const PUBLISHED: Record<Yearly, { name: string; unit: string; lag: string; none: string }> = {
  PartD: {
    name: "Medicare Part D",
    unit: "data year",
    lag: "CMS publishes it once a year, about two years behind",
    none: "No Medicare Part D data is loaded for your products yet (an admin loads it on the Data screen).",
  },
  Payments: {
    name: "Open Payments",
    unit: "program year",
    lag: "CMS publishes each program year in the June after it",
    none: "No Open Payments data is loaded for the HCPs in your territories yet (an admin loads it on the Data screen).",
  },
};

const span = ([first, last]: [number, number]) => (first === last ? String(first) : `${first}–${last}`);

/** The first and last years loaded: Part D for the org's products (an index lookup per brand), payments in scope. */
export async function yearsLoaded(db: Db, cube: Yearly, scope: Scope): Promise<[number, number] | null> {
  const [row] = rowsOf<{ first: number | null; last: number | null }>(
    await db.execute(
      cube === "PartD"
        ? sql`select min(b.first) as first, max(b.last) as last from product p
            cross join lateral (select min(pd.year) as first, max(pd.year) as last from part_d_prescribing pd
              where pd.brand_name = p.part_d_brand_name) b
            where p.org_id = ${scope.orgId}::uuid and p.part_d_brand_name is not null`
        : sql`with ${alignedHcps(scope)}
            select extract(year from min(op.payment_date))::int as first, extract(year from max(op.payment_date))::int as last
            from al join open_payment op on op.npi = al.npi`,
    ),
  );
  return row?.first != null && row.last != null ? [Number(row.first), Number(row.last)] : null;
}

/**
 * The years a question counts, when the compiler needs them: Part D by the calendar years of the period said; both
 * sources by every year for a trend, and by the latest year loaded when no period is said. Null: as the period says.
 */
export function yearsAsked(cube: Yearly, query: SemanticQuery, loaded: [number, number], now: Date): DataYears {
  const time = query.timeDimensions[0];
  if (time?.dateRange) {
    if (cube === "Payments") return null;
    const [from, to] = resolveRange(time.dateRange, now);
    return [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  }
  return time?.granularity ? null : [loaded[1], loaded[1]];
}

/** What to say beside the figures: nothing loaded, a period outside the years loaded, or the latest year used. */
export function yearsNote(
  cube: Yearly,
  loaded: [number, number] | null,
  years: DataYears,
  range: [string, string] | null,
): string | null {
  const source = PUBLISHED[cube];
  if (!loaded) return source.none;
  const asked: [number, number] | null =
    years ?? (range ? [Number(range[0].slice(0, 4)), Number(range[1].slice(0, 4))] : null);
  if (asked && (asked[1] < loaded[0] || asked[0] > loaded[1]))
    return `${source.name} is loaded for ${span(loaded)}; ${span(asked)} is not. ${source.lag}.`;
  return years && years[0] === years[1] && years[0] === loaded[1]
    ? `${source.name} ${loaded[1]}, the latest ${source.unit} loaded (${source.lag}).`
    : null;
}

/** The period in the source's words: "data year 2023", "program years 2023–2024", or the days counted. */
export function periodWords(cube: CubeName, years: DataYears, range: [string, string] | null): string | null {
  if (isYearly(cube) && years) return `${PUBLISHED[cube].unit}${years[0] === years[1] ? "" : "s"} ${span(years)}`;
  return range && `${range[0]} to ${range[1]}`;
}
