// The physician list: individual, active HCPs from NPPES, filtered, sorted and paginated.
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";

import { hcp, taxonomy, type Db } from "@pharmacrm/db";

import { zipInScope, type Scope } from "../scope";
import { NPI_PATTERN } from "../validation";
import { hcpListInput, type HcpListInput } from "./input";
import { displayName } from "./names";

const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An individual NPPES has not deactivated: who the physician lists count. */
export const activeIndividual = () => [eq(hcp.entityType, 1), isNull(hcp.deactivationDate)];

/** "smith", "Dr. Jane Smith", "smi, ja" or a 10-digit NPI: each word must appear in a first or last name. */
export function nameOrNpiFilter(text: string | undefined): SQL[] {
  const q = text?.replace(/^dr\.?\s+/i, "");
  if (!q) return [];
  if (NPI_PATTERN.test(q)) return [eq(hcp.npi, q)];
  return q
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => sql`(lower(${hcp.lastName}) like ${like(token)} or lower(${hcp.firstName}) like ${like(token)})`);
}

function filters(scope: Scope, input: z.output<typeof hcpListInput>): SQL[] {
  const where: SQL[] = [...activeIndividual(), ...nameOrNpiFilter(input.q)];
  if (input.specialty) where.push(eq(taxonomy.classification, input.specialty));
  if (input.state) where.push(eq(hcp.practiceState, input.state));
  if (input.mine) where.push(zipInScope(scope, hcp.practiceZip5));
  return where;
}

const sortColumns = {
  name: [hcp.lastName, hcp.firstName],
  specialty: [taxonomy.classification, hcp.lastName],
  city: [hcp.practiceCity, hcp.lastName],
  state: [hcp.practiceState, hcp.practiceCity],
} as const;

export async function listHcps(db: Db, scope: Scope, rawInput: HcpListInput) {
  const input = hcpListInput.parse(rawInput);
  const where = and(...filters(scope, input));
  const order = input.dir === "asc" ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        npi: hcp.npi,
        firstName: hcp.firstName,
        middleName: hcp.middleName,
        lastName: hcp.lastName,
        credential: hcp.credential,
        specialty: taxonomy.classification,
        specialization: taxonomy.specialization,
        city: hcp.practiceCity,
        state: hcp.practiceState,
        zip5: hcp.practiceZip5,
        inMyTerritories: zipInScope(scope, hcp.practiceZip5).mapWith(Boolean),
      })
      .from(hcp)
      .leftJoin(taxonomy, eq(taxonomy.code, hcp.primaryTaxonomyCode))
      .where(where)
      .orderBy(...sortColumns[input.sort].map((c) => order(c)), asc(hcp.npi))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(hcp).leftJoin(taxonomy, eq(taxonomy.code, hcp.primaryTaxonomyCode)).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, name: displayName(r) })),
    total: total?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Options for the list's filters: specialties and states that have active individual HCPs. */
export async function hcpFacets(db: Db) {
  const active = and(eq(hcp.entityType, 1), isNull(hcp.deactivationDate));
  const [specialties, states] = await Promise.all([
    db
      .select({ specialty: taxonomy.classification, count: count() })
      .from(hcp)
      .innerJoin(taxonomy, eq(taxonomy.code, hcp.primaryTaxonomyCode))
      .where(active)
      .groupBy(taxonomy.classification)
      .orderBy(taxonomy.classification),
    db
      .select({ state: hcp.practiceState, count: count() })
      .from(hcp)
      .where(and(active, sql`${hcp.practiceState} is not null`))
      .groupBy(hcp.practiceState)
      .orderBy(hcp.practiceState),
  ]);
  return { specialties, states: states.map((s) => ({ state: s.state!, count: s.count })) };
}
