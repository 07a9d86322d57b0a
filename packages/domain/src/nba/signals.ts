// The evidence next-best actions rest on, for every HCP a viewer may act on (or one HCP), read in one statement:
// Part D claims in the org's markets (latest year and the one before, own products apart), the org's last
// interaction, open and overdue tasks, the latest email consent and Open Payments received.
import { sql, type SQL } from "drizzle-orm";

import { interaction, rowsOf, task, type Db } from "@pharmacrm/db";

import { displayName } from "../hcp/names";
import { visibleTenantRow, zipInTerritories, type Scope } from "../scope";
import { type HcpSignals } from "./score";

interface SignalRow {
  npi: string;
  last_name: string;
  first_name: string | null;
  middle_name: string | null;
  credential: string | null;
  year: number | null;
  market_claims: number | null;
  prior_market_claims: number | null;
  own_claims: number | null;
  prior_own_claims: number | null;
  sample_product: string | null;
  days_since: number | null;
  open_tasks: number;
  overdue_tasks: number;
  overdue_task_title: string | null;
  email_consent: "granted" | "revoked" | null;
  payments_usd: string | null;
  payments_year: number | null;
  payment_manufacturers: number;
}

/** HCPs practising in the scope's territories (admins: any territory of the org). */
function candidates(scope: Scope, npi: string | undefined): SQL {
  return sql`select h.npi, h.last_name, h.first_name, h.middle_name, h.credential from hcp h
    where h.entity_type = 1 and (h.deactivation_date is null or h.reactivation_date is not null)
      ${npi ? sql`and h.npi = ${npi}` : sql``}
      and ${zipInTerritories(scope, sql.raw("h.practice_zip5"))}`;
}

/** Signals for the HCPs in scope (or just `npi`), as of `today` (YYYY-MM-DD). */
export async function readSignals(
  db: Db,
  scope: Scope,
  options: { npi?: string; today: string },
): Promise<HcpSignals[]> {
  const org = sql`${scope.orgId}::uuid`;
  const result = await db.execute(sql`
    -- Each per-HCP figure is worked out once (materialized) and then joined: left to the planner without statistics
    -- (PGlite runs no autovacuum), the consent lookup was re-run for every candidate, 631 times, 12 s for one rep.
    with c as (${candidates(scope, options.npi)}),
    -- A Part D row is in the org's market when brand and generic name match a market drug, as on the HCP page.
    drug as (select distinct md.brand_name, md.generic_name, md.is_own from market_drug md where md.org_id = ${org}),
    -- The latest year with claims in those markets: one index lookup per brand, not a scan of every Part D row.
    y as (select max(b.year) as latest from (select distinct brand_name from drug) d
      cross join lateral (select max(p.year) as year from part_d_prescribing p where p.brand_name = d.brand_name) b),
    rx as materialized (
      select p.npi,
        sum(p.total_claims) filter (where p.year = y.latest)::int as market_claims,
        sum(p.total_claims) filter (where p.year = y.latest - 1)::int as prior_market_claims,
        coalesce(sum(p.total_claims) filter (where p.year = y.latest and d.is_own), 0)::int as own_claims,
        coalesce(sum(p.total_claims) filter (where p.year = y.latest - 1 and d.is_own), 0)::int as prior_own_claims
      from part_d_prescribing p cross join y
      join drug d on d.brand_name = p.brand_name and d.generic_name = p.generic_name
      where p.npi in (select npi from c) and p.year >= y.latest - 1
      group by p.npi),
    sample as materialized (
      select distinct on (p.npi) p.npi, pr.name
      from part_d_prescribing p cross join y
      join market_drug md on md.org_id = ${org} and md.brand_name = p.brand_name and md.generic_name = p.generic_name
      join product pr on pr.org_id = ${org} and pr.market_id = md.market_id and pr.sampleable and pr.active
      where p.npi in (select npi from c) and p.year = y.latest
      order by p.npi, p.total_claims desc, pr.name),
    touch as materialized (
      select ${interaction.hcpNpi} as npi, max(${interaction.occurredAt}) as last_at from ${interaction}
      where ${visibleTenantRow(scope, interaction)} and ${interaction.hcpNpi} in (select npi from c) group by 1),
    todo as materialized (
      select ${task.hcpNpi} as npi, count(*)::int as open_tasks,
        count(*) filter (where ${task.dueDate} < ${options.today}::date)::int as overdue_tasks,
        (array_agg(${task.title} order by ${task.dueDate}) filter (where ${task.dueDate} < ${options.today}::date))[1] as overdue_task_title
      from ${task} where ${visibleTenantRow(scope, task)} and ${task.status} = 'open' and ${task.hcpNpi} in (select npi from c) group by 1),
    consent as materialized (
      select distinct on (cr.hcp_npi) cr.hcp_npi as npi, cr.status::text as status from consent_record cr
      where cr.org_id = ${org} and cr.channel = 'email' and cr.product_id is null and cr.hcp_npi in (select npi from c)
      order by cr.hcp_npi, cr.recorded_at desc, cr.id desc),
    py as (select max(program_year) as latest from open_payment where npi in (select npi from c)),
    paid as materialized (
      select op.npi, sum(op.amount_usd) as usd, count(distinct op.manufacturer_id)::int as manufacturers
      from open_payment op cross join py
      where op.npi in (select npi from c) and op.program_year = py.latest group by op.npi)
    select c.npi, c.last_name, c.first_name, c.middle_name, c.credential, (select latest from y) as year,
      rx.market_claims, rx.prior_market_claims, rx.own_claims, rx.prior_own_claims, sample.name as sample_product,
      (${options.today}::date - touch.last_at::date) as days_since,
      coalesce(todo.open_tasks, 0) as open_tasks, coalesce(todo.overdue_tasks, 0) as overdue_tasks, todo.overdue_task_title,
      consent.status as email_consent, paid.usd as payments_usd, case when paid.npi is null then null else (select latest from py) end as payments_year,
      coalesce(paid.manufacturers, 0) as payment_manufacturers
    from c left join rx on rx.npi = c.npi left join sample on sample.npi = c.npi left join touch on touch.npi = c.npi
      left join todo on todo.npi = c.npi left join consent on consent.npi = c.npi left join paid on paid.npi = c.npi`);

  return rowsOf<SignalRow>(result).map((r) => ({
    npi: r.npi,
    name:
      displayName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }) +
      (r.credential ? `, ${r.credential}` : ""),
    year: r.year,
    marketClaims: r.market_claims,
    priorMarketClaims: r.prior_market_claims,
    ownClaims: r.own_claims,
    priorOwnClaims: r.prior_own_claims,
    sampleProduct: r.sample_product,
    daysSinceLastInteraction: r.days_since,
    openTasks: r.open_tasks,
    overdueTasks: r.overdue_tasks,
    overdueTaskTitle: r.overdue_task_title,
    emailConsent: r.email_consent,
    paymentsUsd: r.payments_usd === null ? 0 : Number(r.payments_usd),
    paymentsYear: r.payments_year,
    paymentManufacturers: r.payment_manufacturers,
  }));
}
