// Call plans (cycle plans): for a territory and a cycle of dates, the target HCPs and the calls planned on each.
// Attainment is computed from the calls, never stored.
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { hcp } from "./hcp";
import { appUser, org, territory } from "./org";

export const callPlan = pgTable(
  "call_plan",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territory.id),
    name: text("name").notNull(),
    /** The cycle, both days included (UTC calendar days, as calls are counted everywhere). */
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    createdById: uuid("created_by_id").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("call_plan_cycle_order", sql`${t.endsOn} >= ${t.startsOn}`),
    index("call_plan_org_territory_idx").on(t.orgId, t.territoryId, t.startsOn),
  ],
);

export const callPlanTarget = pgTable(
  "call_plan_target",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => callPlan.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    plannedCalls: smallint("planned_calls").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.hcpNpi] }),
    check("call_plan_target_planned_range", sql`${t.plannedCalls} between 1 and 99`),
  ],
);
