import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
