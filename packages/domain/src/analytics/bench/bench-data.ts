// The analytics bench's population, added once and kept: the bench org's reps and synthetic calls, its targets with
// their consents, tasks and decisions, and this quarter's call plans.
import { sql } from "drizzle-orm";

import { appUser, org, product, region, rowsOf, territory, territoryAssignment, type Db } from "@pharmacrm/db";

const REPS = 8;

/** The bench org's reps and calls, added once (the HCPs come from the search bench's population). */
export async function ensureCalls(
  db: Db,
  { calls, hcps }: { calls: number; hcps: number },
): Promise<{ orgId: string; territoryId: string; regionId: string; repId: string }> {
  const [tenant] = await db
    .select({ id: org.id })
    .from(org)
    .where(sql`${org.slug} = 'bench-org'`);
  const [boston] = await db
    .select({ id: territory.id, regionId: territory.regionId })
    .from(territory)
    .where(sql`${territory.code} = 'BOS'`);
  const orgId = tenant!.id;
  const existing = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from interaction where org_id = ${orgId}::uuid`),
  )[0]!.n;
  if (existing < calls) {
    if (existing > 0)
      throw new Error(
        `The analytics bench population holds ${existing} calls, not ${calls}: delete .data/bench/analytics-${hcps} (or the Postgres database pharmacrm_bench_analytics_${hcps}) to rebuild it.`,
      );
    console.log(`Adding ${calls.toLocaleString("en-US")} synthetic calls …`);
    const started = performance.now();
    // Three territories in two regions: Boston (the search bench's), the rest of Massachusetts, and California.
    const [west] = await db.insert(region).values({ orgId, name: "West" }).returning();
    const [massachusetts, california] = await db
      .insert(territory)
      .values([
        { orgId, regionId: boston!.regionId, code: "MA", name: "Massachusetts" },
        { orgId, regionId: west!.id, code: "CA", name: "California" },
      ])
      .returning();
    await db.execute(sql`insert into territory_zip (org_id, territory_id, zip5)
      select ${orgId}::uuid, case when state = 'MA' then ${massachusetts!.id}::uuid else ${california!.id}::uuid end, zip
      from zip_centroid where (state = 'MA' and zip not like '021%') or state = 'CA'`);
    const territories = [boston!.id, massachusetts!.id, california!.id];
    const reps = await db
      .insert(appUser)
      .values(
        Array.from({ length: REPS }, (_, i) => ({
          orgId,
          email: `bench.analytics.${i}@bench.example`,
          name: `Bench Rep ${i + 1}`,
          role: "rep" as const,
        })),
      )
      .returning();
    await db
      .insert(territoryAssignment)
      .values(reps.map((r, i) => ({ orgId, userId: r.id, territoryId: territories[i % territories.length]! })));
    const products = await db
      .insert(product)
      .values(["Eliquis", "Farxiga", "Brilinta"].map((name) => ({ orgId, name })))
      .returning();
    const ids = products.map((p) => p.id);
    const hcpsInTerritories = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from hcp h join territory_zip tz on tz.zip5 = h.practice_zip5
        where tz.org_id = ${orgId}::uuid and h.entity_type = 1`),
    )[0]!.n;
    // A bulk load: the calls' rollup triggers are off for it (each statement would recompute the groups it touched,
    // which for a million rows costs far more than one rebuild), and the rollup is rebuilt once after.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await insertCalls(tx, { orgId, ids, hcpsInTerritories, calls });
    });
    await db.execute(sql`select call_rollup_refresh(null, null, null, null, null)`);
    await db.execute(sql`analyze`);
    console.log(`  added in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const [rep] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(sql`${appUser.email} = 'bench.analytics.0@bench.example'`);
  return { orgId, territoryId: boston!.id, regionId: boston!.regionId, repId: rep!.id };
}

/**
 * Calls spread over the territories' HCPs, each by a rep of the HCP's territory, four channels, fifteen months; one to
 * three products a call, samples on a fifth of the in-person ones.
 */
async function insertCalls(
  db: Db,
  { orgId, ids, hcpsInTerritories, calls }: { orgId: string; ids: string[]; hcpsInTerritories: number; calls: number },
) {
  await db.execute(sql`
    with h as (
      select h.npi, tz.territory_id, row_number() over (order by h.npi) - 1 as i from hcp h
      join territory_zip tz on tz.zip5 = h.practice_zip5 and tz.org_id = ${orgId}::uuid where h.entity_type = 1),
    r as (
      select ta.user_id as id, ta.territory_id,
        row_number() over (partition by ta.territory_id order by ta.user_id) - 1 as k,
        count(*) over (partition by ta.territory_id) as n
      from territory_assignment ta join app_user u on u.id = ta.user_id
      where ta.org_id = ${orgId}::uuid and u.email like 'bench.analytics.%')
    insert into interaction (org_id, hcp_npi, owner_id, territory_id, channel, occurred_at)
    select ${orgId}::uuid, h.npi, r.id, h.territory_id,
      (array['in_person','in_person','phone','video','email'])[1 + g % 5]::interaction_channel,
      timestamptz '2025-09-01' + ((g * 7919) % 459) * interval '1 day' + (g % 9) * interval '1 hour'
    from generate_series(0::bigint, ${calls - 1}::bigint) g
    join h on h.i = (g * 104729 + (g % 7) * (g % 13)) % ${hcpsInTerritories}
    join r on r.territory_id = h.territory_id and r.k = g % r.n`);
  await db.execute(sql`
    insert into interaction_product (interaction_id, product_id, position)
    select i.id, p.id, p.o from interaction i
    cross join unnest(${sql`array[${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`}) with ordinality as p(id, o)
    where i.org_id = ${orgId}::uuid and p.o <= 1 + abs(hashtext(i.id::text)) % 3`);
  await db.execute(sql`
    insert into interaction_sample (interaction_id, product_id, quantity)
    select i.id, ${ids[0]!}::uuid, 1 + abs(hashtext(i.id::text)) % 4 from interaction i
    where i.org_id = ${orgId}::uuid and i.channel = 'in_person' and abs(hashtext(i.id::text)) % 5 = 0`);
}

/**
 * The bench org's targets and what is counted over them, added once: a fifth of the territories' HCPs on the account
 * list (tier, decile), an email and a phone consent for most (a tenth revoked), a task and a next-best-action
 * decision for every other target.
 */
export async function ensureTargets(db: Db, orgId: string, repId: string) {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from hcp_attribute where org_id = ${orgId}::uuid`),
  ) as [{ n: number }];
  if (n > 0) return;
  console.log("Adding targets, consents, tasks and next-best-action decisions …");
  const started = performance.now();
  await db.execute(sql`
    insert into hcp_attribute (org_id, hcp_npi, tier, segment, decile)
    select ${orgId}::uuid, h.npi, (array['A','B','C','D'])[1 + abs(hashtext(h.npi)) % 4],
      (array['Loyalist','Shared','Competitor loyal','Non-writer'])[1 + abs(hashtext(h.npi || 's')) % 4],
      1 + abs(hashtext(h.npi || 'd')) % 10
    from (select distinct h.npi from hcp h join territory_zip tz on tz.zip5 = h.practice_zip5
      where tz.org_id = ${orgId}::uuid and h.entity_type = 1) h
    where abs(hashtext(h.npi)) % 5 = 0`);
  await db.execute(sql`
    insert into consent_record (org_id, hcp_npi, channel, status, source, recorded_by_id, recorded_at)
    select ${orgId}::uuid, a.hcp_npi, ch.channel::consent_channel,
      case when abs(hashtext(a.hcp_npi || ch.channel)) % 10 = 0 then 'revoked' else 'granted' end::consent_status,
      'bench', ${repId}::uuid, timestamptz '2025-09-01' + (abs(hashtext(a.hcp_npi || ch.channel)) % 450) * interval '1 day'
    from hcp_attribute a cross join (values ('email'), ('phone')) ch(channel)
    where a.org_id = ${orgId}::uuid and abs(hashtext(a.hcp_npi || ch.channel)) % 4 <> 0`);
  await db.execute(sql`
    insert into task (org_id, owner_id, created_by_id, hcp_npi, territory_id, title, due_date, status)
    select ${orgId}::uuid, ta.user_id, ta.user_id, a.hcp_npi, tz.territory_id, 'Bench task',
      date '2026-06-01' + abs(hashtext(a.hcp_npi)) % 240,
      (array['open','open','done'])[1 + abs(hashtext(a.hcp_npi || 't')) % 3]::task_status
    from hcp_attribute a join hcp h on h.npi = a.hcp_npi
    join territory_zip tz on tz.zip5 = h.practice_zip5 and tz.org_id = a.org_id
    join lateral (select user_id from territory_assignment where territory_id = tz.territory_id limit 1) ta on true
    where a.org_id = ${orgId}::uuid and abs(hashtext(a.hcp_npi || 'k')) % 2 = 0`);
  await db.execute(sql`
    insert into nba_decision (org_id, user_id, hcp_npi, action, score, confidence, reasons, decision, reason, decided_at)
    select ${orgId}::uuid, t.owner_id, t.hcp_npi, (array['call','email','sample','follow_up'])[1 + abs(hashtext(t.hcp_npi)) % 4],
      50, 0.8, '[]'::jsonb,
      case when abs(hashtext(t.hcp_npi || 'n')) % 3 = 0 then 'dismissed' else 'accepted' end::nba_decision_kind,
      case when abs(hashtext(t.hcp_npi || 'n')) % 3 = 0 then 'Visit already planned' end,
      timestamptz '2026-06-01' + (abs(hashtext(t.hcp_npi)) % 180) * interval '1 day'
    from task t where t.org_id = ${orgId}::uuid`);
  await db.execute(sql`analyze`);
  console.log(`  added in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** This quarter's call plan for every territory of the bench org, its targets planned by tier (A 3, B 2, C 1). */
export async function ensureCallPlans(db: Db, orgId: string) {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from call_plan where org_id = ${orgId}::uuid`),
  ) as [{ n: number }];
  if (n > 0) return;
  console.log("Adding call plans …");
  await db.execute(sql`
    insert into call_plan (org_id, territory_id, name, starts_on, ends_on)
    select ${orgId}::uuid, t.id, 'Q4 2026', date '2026-10-01', date '2026-12-31' from territory t
    where t.org_id = ${orgId}::uuid`);
  await db.execute(sql`
    insert into call_plan_target (plan_id, org_id, hcp_npi, planned_calls)
    select distinct on (p.id, a.hcp_npi) p.id, p.org_id, a.hcp_npi, case a.tier when 'A' then 3 when 'B' then 2 else 1 end
    from call_plan p join territory_zip tz on tz.territory_id = p.territory_id
    join hcp h on h.practice_zip5 = tz.zip5
    join hcp_attribute a on a.org_id = p.org_id and a.hcp_npi = h.npi and a.tier in ('A', 'B', 'C')
    where p.org_id = ${orgId}::uuid`);
  await db.execute(sql`analyze call_plan_target`);
}
