// Seeds both demo tenants on top of loaded reference data: structure, products and markets, HCP attributes,
// consent history, six months of calls, the reps' tasks, next-best-action decisions and call plans. One transaction per org.
import { inArray, sql } from "drizzle-orm";

import { hashPassword } from "@pharmacrm/auth/password";
import {
  consentRecord,
  hcpAttribute,
  interaction,
  interactionProduct,
  interactionSample,
  nbaDecision,
  org,
  task,
  zipCentroid,
  type Db,
} from "@pharmacrm/db";
import { insertInBatches } from "@pharmacrm/ingest";

import { dateOfDay, dayOfDate } from "../generate/dates";
import { zipsByMetro } from "../generate/geography";
import { createRandom } from "../random";
import { attributeRows } from "./attributes";
import { seedCallPlans } from "./call-plans";
import { consentHistory } from "./consents";
import { createOrg, type CreatedOrg } from "./create-org";
import { DEMO_ORGS, DEMO_PASSWORD, type OrgDefinition } from "./definitions";
import { historyFor, interactionsFor, stoppedAfter, type InteractionRows } from "./interactions";
import { nbaDecisionsForRep } from "./nba-decisions";
import { seedSampleStock } from "./sample-stock";
import { tasksForRep } from "./tasks";
import { pickTargets, territoryHcps } from "./territory-hcps";

export interface TenantSeedResult {
  orgs: number;
  users: number;
  territoryHcps: number;
  interactions: number;
  samples: number;
  tasks: number;
  consents: number;
  nbaDecisions: number;
  callPlans: number;
}

/** How many days ago a rep stopped logging calls, as the org's definition says; null when they did not. */
function stoppedDaysAgo(definition: OrgDefinition, created: CreatedOrg, repId: string): number | null {
  const email = created.users.find((u) => u.id === repId)?.email;
  return definition.users.find((u) => u.email === email)?.stoppedCallingDaysAgo ?? null;
}

export async function isSeeded(db: Db): Promise<boolean> {
  const slugs = DEMO_ORGS.map((o) => o.slug);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(org)
    .where(inArray(org.slug, slugs));
  return (row?.n ?? 0) > 0;
}

export async function seedTenants(db: Db, options: { seed: number; today: Date }): Promise<TenantSeedResult> {
  const centroids = await db.select().from(zipCentroid);
  if (centroids.length === 0) throw new Error("zip_centroid is empty: load reference data before seeding tenants");
  const byMetro = zipsByMetro(centroids);
  const metroZips = (metro: string) => (byMetro.get(metro) ?? []).map((z) => z.centroid.zip);
  // scrypt is deliberately slow: hash the shared demo password once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const todayDay = dayOfDate(options.today);
  const result: TenantSeedResult = {
    orgs: 0,
    users: 0,
    territoryHcps: 0,
    interactions: 0,
    samples: 0,
    tasks: 0,
    consents: 0,
    nbaDecisions: 0,
    callPlans: 0,
  };

  for (const definition of DEMO_ORGS) {
    const random = createRandom(options.seed, `tenant-${definition.slug}`);
    await db.transaction(async (tx) => {
      const created = await createOrg(tx, definition, { random, passwordHash, metroZips });
      const hcps = await territoryHcps(tx, created);
      await insertInBatches(
        tx,
        hcpAttribute,
        attributeRows(random, hcps, { orgId: created.id, updatedById: created.adminId, todayDay }),
      );

      const targets = pickTargets(hcps, random);
      const calls: InteractionRows = { interactions: [], products: [], samples: [] };
      const consents: (typeof consentRecord.$inferInsert)[] = [];
      // The ten months before the last six come from their own stream, so the recent months stay as they were.
      const historyRandom = createRandom(options.seed, `history-${definition.slug}`);
      for (const target of targets) {
        const repId = created.territories.find((t) => t.id === target.territoryId)!.repId;
        const history = consentHistory(random, target, { orgId: created.id, repId, todayDay });
        consents.push(...history.rows);
        const context = { org: created, repId, todayDay, consent: history.windows };
        const recent = interactionsFor(random, target, context);
        const stopped = stoppedDaysAgo(definition, created, repId);
        for (const rows of [
          historyFor(historyRandom, target, context),
          stopped === null ? recent : stoppedAfter(recent, dateOfDay(todayDay - stopped)),
        ]) {
          calls.interactions.push(...rows.interactions);
          calls.products.push(...rows.products);
          calls.samples.push(...rows.samples);
        }
      }
      const managerOf = (regionId: string) =>
        created.users.find((u) => u.role === "manager" && u.regionId === regionId)?.id ?? null;
      const tasks = created.territories.flatMap((territory) =>
        tasksForRep(random, {
          orgId: created.id,
          repId: territory.repId,
          managerId: managerOf(territory.regionId),
          territoryId: territory.id,
          targets: targets.filter((t) => t.territoryId === territory.id),
          products: created.products,
          todayDay,
        }),
      );
      await insertInBatches(tx, consentRecord, consents);
      await insertInBatches(tx, interaction, calls.interactions);
      await insertInBatches(tx, interactionProduct, calls.products);
      await insertInBatches(tx, interactionSample, calls.samples);
      await insertInBatches(tx, task, tasks);
      // Their own stream, so the calls, consents and tasks above stay as they were before decisions were seeded.
      const decisionRandom = createRandom(options.seed, `nba-${definition.slug}`);
      const decisions = created.territories.flatMap((territory) =>
        nbaDecisionsForRep(decisionRandom, {
          orgId: created.id,
          repId: territory.repId,
          targets: targets.filter((t) => t.territoryId === territory.id),
          todayDay,
        }),
      );
      await insertInBatches(tx, nbaDecision, decisions);
      result.callPlans += await seedCallPlans(tx, { org: created, managerOf, targets, todayDay });
      const stockRandom = createRandom(options.seed, `stock-${definition.slug}`);
      await seedSampleStock(tx, { org: created, random: stockRandom, todayDay });

      result.orgs++;
      result.users += created.users.length;
      result.territoryHcps += hcps.length;
      result.interactions += calls.interactions.length;
      result.samples += calls.samples.length;
      result.tasks += tasks.length;
      result.consents += consents.length;
      result.nbaDecisions += decisions.length;
    });
  }
  return result;
}
