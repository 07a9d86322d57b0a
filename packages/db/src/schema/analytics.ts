import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { appUser, org } from "./org";

/**
 * A question pinned to its owner's analytics dashboard: a semantic query (Cube's shape, validated by the domain's
 * schema when saved and again when read, since the model can change) and the title it is shown under. Relative
 * periods ("last quarter") stay relative: the dashboard runs the query afresh for the viewer's scope every time.
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_question_owner_idx").on(t.ownerId, t.position)],
);
