import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@pharmacrm/auth/password";
import { appUser, openDatabase, type Database } from "@pharmacrm/db";
import { sha256Files } from "@pharmacrm/ingest";

import { AlreadySeededError, DEMO_PASSWORD, demoSignIns, isSeeded, seedDemo, type SeedSummary } from ".";
import { ACTIVITY_WINDOW_DAYS, HISTORY_DAYS } from "./tenants/interactions";

const SCALE = 400;
const TODAY = new Date("2025-03-15T00:00:00Z");
let database: Database;
let workDir: string;
let summary: SeedSummary;

// Tests run on PGlite, whose drizzle driver returns { rows } from execute().
const query = async <T>(statement: SQL): Promise<T[]> =>
  ((await database.db.execute(statement)) as unknown as { rows: T[] }).rows;
const count = async (statement: SQL): Promise<number> => (await query<{ n: number }>(statement))[0]!.n;

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://" });
  workDir = await mkdtemp(join(tmpdir(), "demo-seed-test-"));
  expect(await isSeeded(database.db)).toBe(false);
  summary = await seedDemo(database.db, { scale: SCALE, seed: 7, workDir, today: TODAY });
});
afterAll(async () => {
  await database?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe("loading the demo files", () => {
  it("yields the expected reference and provider counts", async () => {
    expect(await count(sql`select count(*)::int as n from taxonomy`)).toBe(883);
    expect(await count(sql`select count(*)::int as n from zip_centroid`)).toBe(42_049);
    expect(await count(sql`select count(*)::int as n from hcp where entity_type = 1`)).toBe(SCALE);
    expect(
      await count(sql`select count(*)::int as n from hcp where entity_type is null and deactivation_date is not null`),
    ).toBe(8);
    expect(await count(sql`select count(*)::int as n from hco`)).toBe(32);
    expect(summary.counts).toMatchObject({
      hcps: SCALE,
      hcos: 32,
      deactivated: 8,
      taxonomyCodes: 883,
      zipCentroids: 42_049,
    });
    expect(await count(sql`select count(*)::int as n from part_d_prescribing`)).toBe(summary.counts.partDRows);
    expect(await count(sql`select count(*)::int as n from open_payment`)).toBe(summary.counts.payments);
  });

  it("leaves search's ranked totals refreshed by the pipelines: every prescriber and payee that is an active individual", async () => {
    expect(await count(sql`select count(distinct npi)::int as n from prescriber_drug_total`)).toBe(
      await count(
        sql`select count(distinct p.npi)::int as n from part_d_prescribing p join hcp h on h.npi = p.npi and h.entity_type = 1 and h.deactivation_date is null`,
      ),
    );
    expect(await count(sql`select count(distinct npi)::int as n from payee_manufacturer_total`)).toBe(
      await count(
        sql`select count(distinct o.npi)::int as n from open_payment o join hcp h on h.npi = o.npi and h.entity_type = 1 and h.deactivation_date is null`,
      ),
    );
    expect(await count(sql`select count(*)::int as n from prescriber_drug_total`)).toBeGreaterThan(0);
  });

  it("places every individual on its ZIP centroid and keeps every taxonomy slot", async () => {
    expect(
      await count(sql`select count(*)::int as n from hcp where entity_type = 1 and (lat is null or lng is null)`),
    ).toBe(0);
    expect(await count(sql`select count(distinct npi)::int as n from hcp_taxonomy`)).toBe(SCALE);
    const onePrimary = sql`select count(*)::int as n from (select npi from hcp_taxonomy group by npi having count(*) filter (where is_primary) = 1) x`;
    expect(await count(onePrimary)).toBe(SCALE);
    expect(await count(sql`select count(*)::int as n from part_d_prescribing where total_claims < 11`)).toBe(0);
  });

  it("records lineage for every file, with the file's checksum", async () => {
    type Run = {
      dataset: string;
      source_file: string;
      checksum: string;
      is_demo: boolean;
      status: string;
      rows_loaded: number;
      rows_read: number;
    };
    const list = await query<Run>(sql`select * from data_source_run order by started_at`);
    const demoFiles = [
      "nppes",
      "nppes_practice_location",
      "nppes_endpoint",
      "part_d",
      "part_d",
      "part_d",
      "open_payments",
      "open_payments",
    ];
    expect(list.map((r) => r.dataset)).toEqual(["nucc_taxonomy", "zip_centroids", ...demoFiles]);
    expect(list.every((r) => r.status === "succeeded" && r.rows_loaded === r.rows_read)).toBe(true);
    expect(list.filter((r) => r.is_demo).map((r) => r.dataset)).toEqual(demoFiles);
    const nppes = list.find((r) => r.dataset === "nppes")!;
    expect(nppes.checksum).toBe(await sha256Files(join(workDir, "npidata_pfile_demo.csv")));
  });

  it("records the seed as what started each load, with no user and no server path to show", async () => {
    const list = await query<{
      started_via: string;
      started_by: string | null;
      source_location: string;
      source_file: string;
    }>(sql`select started_via, started_by, source_location, source_file from data_source_run`);
    expect(
      list.every((r) => r.started_via === "seed" && r.started_by === null && r.source_location === r.source_file),
    ).toBe(true);
  });
});

describe("practice locations and endpoints", () => {
  it("loads the weekly companion files", async () => {
    expect(summary.counts.practiceLocations).toBeGreaterThan(SCALE * 0.2);
    expect(summary.counts.endpoints).toBeGreaterThan(SCALE * 0.1);
    expect(await count(sql`select count(*)::int as n from npi_practice_location`)).toBe(
      summary.counts.practiceLocations,
    );
    expect(await count(sql`select count(*)::int as n from npi_endpoint`)).toBe(summary.counts.endpoints);
  });

  it("gives HCPs in the demo territories affiliations and more than one point on the map", async () => {
    const territoryHcps = sql`select distinct a.hcp_npi from hcp_attribute a`;
    // An organisation at one of the HCP's secondary locations (the HCP 360 page's same-address rule; the
    // generator copies the organisation's street line, so plain equality is enough here).
    const atOrganization = sql`select count(distinct l.npi)::int as n from npi_practice_location l
      join hco o on o.practice_zip5 = l.zip5 and upper(o.practice_line1) = upper(l.line1)
      where l.npi in (${territoryHcps})`;
    expect(await count(atOrganization)).toBeGreaterThan(0);
    // An endpoint naming an organisation by its legal name in the same ZIP (the page's endpoint rule).
    const byEndpoint = sql`select count(distinct e.npi)::int as n from npi_endpoint e
      join hco o on upper(o.name) = upper(e.affiliation_name) and o.practice_zip5 = left(e.postal_code, 5)
      where e.affiliation and e.npi in (${territoryHcps})`;
    expect(await count(byEndpoint)).toBeGreaterThan(0);
    // A secondary location in another ZIP than the practice address: two points on the map.
    const twoPoints = sql`select count(distinct h.npi)::int as n from hcp h join npi_practice_location l on l.npi = h.npi
      join zip_centroid z on z.zip = l.zip5 where l.zip5 <> h.practice_zip5 and h.npi in (${territoryHcps})`;
    expect(await count(twoPoints)).toBeGreaterThan(0);
  });
});

describe("demo tenants", () => {
  it("creates both orgs and every demo sign-in with the shared password", async () => {
    expect(await isSeeded(database.db)).toBe(true);
    const users = await database.db.select().from(appUser);
    expect(users.map((u) => u.email).sort()).toEqual(demoSignIns.map((s) => s.email).sort());
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.passwordHash!)).toBe(true);
    // One demo user can load reference data (a platform operator); neither org's everyday admin can.
    expect(users.filter((u) => u.platformOperator).map((u) => u.email)).toEqual(["operator@northwind.demo"]);
    await expect(seedDemo(database.db, { scale: SCALE, seed: 7, workDir })).rejects.toBeInstanceOf(AlreadySeededError);
  });

  it("logs calls only for HCPs practising in a ZIP of the call's territory, owned by that territory's rep", async () => {
    expect(summary.counts.interactions).toBeGreaterThan(0);
    const outside = sql`select count(*)::int as n from interaction i join hcp h on h.npi = i.hcp_npi
      where not exists (select 1 from territory_zip tz where tz.territory_id = i.territory_id and tz.zip5 = h.practice_zip5)`;
    expect(await count(outside)).toBe(0);
    const notTheRep = sql`select count(*)::int as n from interaction i
      where not exists (select 1 from territory_assignment ta where ta.territory_id = i.territory_id and ta.user_id = i.owner_id)`;
    expect(await count(notTheRep)).toBe(0);
    // Sixteen months of history before today, and none after.
    const days = ACTIVITY_WINDOW_DAYS + HISTORY_DAYS;
    const outOfWindow = sql`select count(*)::int as n from interaction where occurred_at >= ${TODAY.toISOString()}::timestamptz
      or occurred_at < ${TODAY.toISOString()}::timestamptz - make_interval(days => ${days + 3})`;
    expect(await count(outOfWindow)).toBe(0);
    const monthsWithCalls = sql`select count(distinct date_trunc('month', occurred_at))::int as n from interaction
      where occurred_at < ${TODAY.toISOString()}::timestamptz - interval '15 months'`;
    expect(await count(monthsWithCalls)).toBeGreaterThan(0);
  });

  it("has a rep who stopped calling two weeks ago, with calls before that", async () => {
    const since = (
      days: number,
    ) => sql`select count(*)::int as n from interaction i join app_user u on u.id = i.owner_id
      where u.email = 'rep.losangeles@northwind.demo' and i.occurred_at >= ${TODAY.toISOString()}::timestamptz - make_interval(days => ${days})`;
    expect(await count(since(14))).toBe(0);
    expect(await count(since(90))).toBeGreaterThan(0);
  });

  it("keeps every tenant HCP inside the org's territories", async () => {
    for (const table of ["hcp_attribute", "consent_record", "task"]) {
      const outside = sql`select count(*)::int as n from ${sql.identifier(table)} x join hcp h on h.npi = x.hcp_npi
        where not exists (select 1 from territory_zip tz where tz.org_id = x.org_id and tz.zip5 = h.practice_zip5)`;
      expect(await count(outside), table).toBe(0);
    }
  });

  it("hands out samples only in person, of sampleable products discussed in that call, in positive quantities", async () => {
    expect(summary.counts.samples).toBeGreaterThan(0);
    const bad = sql`select count(*)::int as n from interaction_sample s
      join interaction i on i.id = s.interaction_id join product p on p.id = s.product_id
      where s.quantity <= 0 or not p.sampleable or i.channel <> 'in_person'
        or not exists (select 1 from interaction_product ip where ip.interaction_id = s.interaction_id and ip.product_id = s.product_id)`;
    expect(await count(bad)).toBe(0);
  });

  it("uses email and video only while email consent is granted", async () => {
    const withoutConsent = sql`select count(*)::int as n from interaction i where i.channel in ('email', 'video') and coalesce((
      select c.status from consent_record c where c.org_id = i.org_id and c.hcp_npi = i.hcp_npi and c.channel = 'email'
        and c.recorded_at <= i.occurred_at order by c.recorded_at desc limit 1), 'revoked') <> 'granted'`;
    expect(await count(withoutConsent)).toBe(0);
    expect(await count(sql`select count(*)::int as n from consent_record where status = 'revoked'`)).toBeGreaterThan(0);
  });

  it("overlaps Northwind and Acme in Boston, on the same ZIPs and HCPs", async () => {
    const zips = (code: string) =>
      sql`select zip5 from territory_zip tz join territory t on t.id = tz.territory_id where t.code = ${code}`;
    expect(await count(sql`select count(*)::int as n from (${zips("NE-BOS")}) z`)).toBeGreaterThan(50);
    expect(await count(sql`select count(*)::int as n from ((${zips("NE-BOS")}) except (${zips("AC-BOS")})) z`)).toBe(0);
    const shared = sql`select count(*)::int as n from hcp_attribute a join hcp_attribute b on a.hcp_npi = b.hcp_npi and a.org_id < b.org_id`;
    expect(await count(shared)).toBeGreaterThan(0);
  });
});
