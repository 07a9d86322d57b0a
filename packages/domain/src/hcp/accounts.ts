// My accounts: the physicians practising in the viewer's territories (a manager's region, an admin's whole aligned
// org) with what the org keeps on each — tier, segment, decile, preferred channel, tags, notes — and where the
// relationship stands: the last call, the next open task, consent on each channel. Calls and tasks are counted as
// the viewer may see them (scope.ts), so a rep's "last call" includes a colleague's call in the same territory.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  ne,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import type { z } from "zod";

import {
  consentRecord,
  hcp,
  hcpAdoption,
  hcpAttribute,
  interaction,
  product,
  rowsOf,
  task,
  taxonomy,
  type Db,
} from "@pharmacrm/db";
import type { AdoptionStage } from "@pharmacrm/db/channels";

import type { ConsentChannel } from "../channels";
import { visibleTenantRow, zipInTerritories, type Scope } from "../scope";
import {
  ACCOUNT_SELECT_CAP,
  accountListInput,
  accountNpisInput,
  type AccountListInput,
  type AccountSort,
} from "./accounts-input";
import { activeIndividual, nameOrNpiFilter } from "./list";
import { displayName } from "./names";

type Filters = z.output<typeof accountNpisInput>;

const sameText = (column: AnyColumn, value: string) => sql`lower(${column}) = ${value.toLowerCase()}`;

/** The latest submitted call the viewer may see on the row's physician. */
const lastCallOf = (scope: Scope) =>
  sql`(select max(${interaction.occurredAt}) from ${interaction}
        where ${interaction.hcpNpi} = ${hcp.npi} and ${visibleTenantRow(scope, interaction)})`.mapWith(
    interaction.occurredAt,
  );

function where(scope: Scope, filters: Filters, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    ...activeIndividual(),
    zipInTerritories(scope, hcp.practiceZip5),
    ...nameOrNpiFilter(filters.q),
    filters.tier ? sameText(hcpAttribute.tier, filters.tier) : undefined,
    filters.segment ? sameText(hcpAttribute.segment, filters.segment) : undefined,
    filters.tag
      ? sql`exists (select 1 from unnest(${hcpAttribute.tags}) as t(tag) where lower(t.tag) = ${filters.tag.toLowerCase()})`
      : undefined,
    filters.notCalledDays
      ? sql`not exists (select 1 from ${interaction} where ${interaction.hcpNpi} = ${hcp.npi}
              and ${gte(interaction.occurredAt, new Date(now.getTime() - filters.notCalledDays * 86_400_000))}
              and ${visibleTenantRow(scope, interaction)})`
      : undefined,
  ];
  return and(...conditions);
}

const attributeJoin = (scope: Scope) => and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, hcp.npi));

function orderBy(scope: Scope, sort: AccountSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  const nullsLast = (column: SQL | AnyColumn) => sql`${column} ${sql.raw(dir)} nulls last`;
  const name = [by(hcp.lastName), by(hcp.firstName)];
  switch (sort) {
    case "name":
      return name;
    case "specialty":
      return [nullsLast(sql`${taxonomy.classification}`), ...name];
    case "city":
      return [nullsLast(sql`${hcp.practiceCity}`), ...name];
    case "tier":
      return [nullsLast(sql`lower(${hcpAttribute.tier})`), ...name];
    case "segment":
      return [nullsLast(sql`lower(${hcpAttribute.segment})`), ...name];
    case "decile":
      return [nullsLast(hcpAttribute.decile), ...name];
    case "lastCall":
      // Longest without a call first when ascending: never called comes before any date.
      return [sql`${lastCallOf(scope)} ${sql.raw(dir)} nulls ${sql.raw(dir === "asc" ? "first" : "last")}`, ...name];
  }
}

export async function listAccounts(db: Db, scope: Scope, raw: AccountListInput, now = new Date()) {
  const input = accountListInput.parse(raw);
  const condition = where(scope, input, now);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        npi: hcp.npi,
        firstName: hcp.firstName,
        middleName: hcp.middleName,
        lastName: hcp.lastName,
        credential: hcp.credential,
        specialty: taxonomy.classification,
        city: hcp.practiceCity,
        state: hcp.practiceState,
        tier: hcpAttribute.tier,
        segment: hcpAttribute.segment,
        decile: hcpAttribute.decile,
        notes: hcpAttribute.notes,
        preferredChannel: hcpAttribute.preferredChannel,
        tags: hcpAttribute.tags,
        lastCallAt: lastCallOf(scope),
      })
      .from(hcp)
      .leftJoin(taxonomy, eq(taxonomy.code, hcp.primaryTaxonomyCode))
      .leftJoin(hcpAttribute, attributeJoin(scope))
      .where(condition)
      .orderBy(...orderBy(scope, input.sort, input.dir), asc(hcp.npi))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(hcp).leftJoin(hcpAttribute, attributeJoin(scope)).where(condition),
  ]);
  const npis = rows.map((r) => r.npi);
  const [tasks, consents, adoption] = await Promise.all([
    nextTasks(db, scope, npis),
    consentsInForce(db, scope, npis),
    adoptionStages(db, scope, npis),
  ]);
  return {
    items: rows.map(({ firstName, middleName, lastName, tags, ...row }) => ({
      ...row,
      name: displayName({ firstName, middleName, lastName }),
      tags: tags ?? [],
      nextTask: tasks.get(row.npi) ?? null,
      consent: consents.get(row.npi) ?? ({} as ConsentByChannel),
      adoption: adoption.get(row.npi) ?? [],
    })),
    total: total?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Each physician's next open task the viewer may see: the soonest due (undated last). */
async function nextTasks(db: Db, scope: Scope, npis: string[]) {
  if (npis.length === 0) return new Map<string, { title: string; dueDate: string | null }>();
  const rows = await db
    .selectDistinctOn([task.hcpNpi], { npi: task.hcpNpi, title: task.title, dueDate: task.dueDate })
    .from(task)
    .where(and(inArray(task.hcpNpi, npis), eq(task.status, "open"), visibleTenantRow(scope, task)))
    .orderBy(task.hcpNpi, sql`${task.dueDate} asc nulls last`, asc(task.createdAt));
  return new Map(rows.map((r) => [r.npi!, { title: r.title, dueDate: r.dueDate }]));
}

/** Each physician's adoption stage per product of the org, past "unaware" (the board's default), by product name. */
async function adoptionStages(db: Db, scope: Scope, npis: string[]) {
  const byNpi = new Map<string, { product: string; stage: AdoptionStage }[]>();
  if (npis.length === 0) return byNpi;
  const rows = await db
    .select({ npi: hcpAdoption.hcpNpi, product: product.name, stage: hcpAdoption.stage })
    .from(hcpAdoption)
    .innerJoin(product, eq(product.id, hcpAdoption.productId))
    .where(and(eq(hcpAdoption.orgId, scope.orgId), inArray(hcpAdoption.hcpNpi, npis), ne(hcpAdoption.stage, "unaware")))
    .orderBy(product.name);
  for (const r of rows) byNpi.set(r.npi, [...(byNpi.get(r.npi) ?? []), { product: r.product, stage: r.stage }]);
  return byNpi;
}

export type ConsentByChannel = Partial<Record<ConsentChannel, "granted" | "revoked">>;

/** Each physician's consent in force per channel for all of the org's products (the latest record wins). */
async function consentsInForce(db: Db, scope: Scope, npis: string[]) {
  const byNpi = new Map<string, ConsentByChannel>();
  if (npis.length === 0) return byNpi;
  const rows = await db
    .selectDistinctOn([consentRecord.hcpNpi, consentRecord.channel], {
      npi: consentRecord.hcpNpi,
      channel: consentRecord.channel,
      status: consentRecord.status,
    })
    .from(consentRecord)
    .where(
      and(eq(consentRecord.orgId, scope.orgId), inArray(consentRecord.hcpNpi, npis), isNull(consentRecord.productId)),
    )
    .orderBy(consentRecord.hcpNpi, consentRecord.channel, desc(consentRecord.recordedAt), desc(consentRecord.id));
  for (const r of rows) byNpi.set(r.npi, { ...byNpi.get(r.npi), [r.channel]: r.status });
  return byNpi;
}

/** The NPIs of every account the filters match, for "select all" (at most ACCOUNT_SELECT_CAP, by name). */
export async function accountNpis(db: Db, scope: Scope, raw: z.input<typeof accountNpisInput>, now = new Date()) {
  const filters = accountNpisInput.parse(raw);
  const rows = await db
    .select({ npi: hcp.npi })
    .from(hcp)
    .leftJoin(hcpAttribute, attributeJoin(scope))
    .where(where(scope, filters, now))
    .orderBy(asc(hcp.lastName), asc(hcp.firstName), asc(hcp.npi))
    .limit(ACCOUNT_SELECT_CAP + 1);
  return { npis: rows.slice(0, ACCOUNT_SELECT_CAP).map((r) => r.npi), capped: rows.length > ACCOUNT_SELECT_CAP };
}

/** The org's tiers, segments and tags in use: the filters' choices and the editor's suggestions. */
export async function accountVocabulary(db: Db, scope: Scope) {
  const inOrg = eq(hcpAttribute.orgId, scope.orgId);
  const [tiers, segments, tags] = await Promise.all([
    db
      .selectDistinct({ value: hcpAttribute.tier })
      .from(hcpAttribute)
      .where(and(inOrg, isNotNull(hcpAttribute.tier)))
      .orderBy(hcpAttribute.tier)
      .limit(200),
    db
      .selectDistinct({ value: hcpAttribute.segment })
      .from(hcpAttribute)
      .where(and(inOrg, isNotNull(hcpAttribute.segment)))
      .orderBy(hcpAttribute.segment)
      .limit(200),
    orgTags(db, scope.orgId),
  ]);
  return { tiers: tiers.map((r) => r.value!), segments: segments.map((r) => r.value!), tags };
}

/** The tags an org has filed accounts under, each once, A–Z. */
export async function orgTags(db: Db, orgId: string): Promise<string[]> {
  const rows = rowsOf<{ tag: string }>(
    await db.execute(
      sql`select distinct t.tag from ${hcpAttribute} cross join lateral unnest(${hcpAttribute.tags}) as t(tag)
          where ${hcpAttribute.orgId} = ${orgId} order by t.tag limit 500`,
    ),
  );
  return rows.map((r) => r.tag);
}
