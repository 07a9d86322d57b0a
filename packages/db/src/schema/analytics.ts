import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { interactionChannel } from "./interaction";
import { appUser, org } from "./org";

/**
 * A question saved to its owner's analytics dashboard: a semantic query (Cube's shape, validated by the domain's
 * schema when saved and again when read, since the model can change) and the title it is shown under. Relative
 * periods ("last quarter") stay relative: whoever opens it runs it afresh for their own scope every time.
 *
 * Its owner may share it with the org; a manager or admin may then certify it as one of the org's standard
 * questions. Sharing shares the question, never its figures: each person who opens it counts what they may see.
 */
export const savedQuestion = pgTable(
  "saved_question",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    title: text("title").notNull(),
    query: jsonb("query").notNull(),
    /** The place on the owner's dashboard, smallest first. */
    position: integer("position").notNull(),
    /** When its owner shared it with the org; null while it is theirs alone. */
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    /** Who certified it and when; only a shared question is certified, and unsharing it withdraws that. */
    certifiedById: uuid("certified_by_id").references(() => appUser.id),
    certifiedAt: timestamp("certified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("saved_question_owner_idx").on(t.ownerId, t.position),
    index("saved_question_shared_idx").on(t.orgId, t.sharedAt),
    check(
      "saved_question_certified_shared",
      sql`(${t.certifiedAt} is null) = (${t.certifiedById} is null) and (${t.certifiedAt} is null or ${t.sharedAt} is not null)`,
    ),
  ],
);

/**
 * Calls counted per UTC day, rep, territory and channel (product null), and per product on those calls: the
 * pre-aggregation the semantic layer reads for the additive call measures (calls, details, samples) when a question
 * breaks them down by nothing finer (rep, territory, region, channel, product, time), as Cube's pre-aggregations do.
 * Derived data, kept by the triggers of migration 0022 on interaction, interaction_product and interaction_sample:
 * each statement that writes calls recomputes the groups it touched from those tables, in its own transaction.
 */
export const callRollup = pgTable(
  "call_rollup",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day").notNull(),
    ownerId: uuid("owner_id").notNull(),
    territoryId: uuid("territory_id"),
    channel: interactionChannel("channel").notNull(),
    /** Null: the calls themselves; a product: the calls that discussed or sampled it. */
    productId: uuid("product_id"),
    calls: integer("calls").notNull(),
    /** Products discussed (call grain), or the calls that discussed this product. */
    details: integer("details").notNull(),
    /** Sample units dropped (of this product). */
    samples: integer("samples").notNull(),
  },
  (t) => [
    unique("call_rollup_group").on(t.orgId, t.day, t.ownerId, t.territoryId, t.channel, t.productId).nullsNotDistinct(),
    index("call_rollup_org_day_idx").on(t.orgId, t.day),
  ],
);
