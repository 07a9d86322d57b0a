import { date, index, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { hcp } from "./hcp";
import { appUser, org, territory } from "./org";

export const taskStatus = pgEnum("task_status", ["open", "done", "cancelled"]);

export const task = pgTable(
  "task",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    hcpNpi: varchar("hcp_npi", { length: 10 }).references(() => hcp.npi),
    territoryId: uuid("territory_id").references(() => territory.id),
    title: text("title").notNull(),
    details: text("details"),
    dueDate: date("due_date"),
    status: taskStatus("status").notNull().default("open"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("task_org_territory_idx").on(t.orgId, t.territoryId, t.status),
    index("task_owner_idx").on(t.ownerId, t.status, t.dueDate),
    index("task_org_hcp_idx").on(t.orgId, t.hcpNpi),
  ],
);
