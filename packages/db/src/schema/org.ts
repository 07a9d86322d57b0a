// Tenants and their people and geography: org → regions → territories (aligned by ZIP) ← users.
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["rep", "manager", "admin"]);

export const org = pgTable("org", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: varchar("slug", { length: 64 }).notNull().unique(),
  /** Demo tenants are labelled as such in the UI. */
  isDemo: boolean("is_demo").notNull().default(false),
  /** Admins must sign in with a second factor (TOTP). On for new orgs; the demo orgs leave it off. */
  mfaRequiredForAdmins: boolean("mfa_required_for_admins").notNull().default(true),
  /** A call may be submitted at most this many days after it happened (none set: no limit). */
  callBackdateDays: integer("call_backdate_days"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const region = pgTable(
  "region",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("region_org_name_uq").on(t.orgId, t.name)],
);

export const territory = pgTable(
  "territory",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    code: varchar("code", { length: 32 }).notNull(),
    name: text("name").notNull(),
    /** Closed: it covers no ZIP and no rep; its calls and plans keep pointing at it for history. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("territory_org_code_uq").on(t.orgId, t.code),
    index("territory_region_idx").on(t.orgId, t.regionId),
  ],
);

/** A territory covers the HCPs whose practice ZIP it lists. */
export const territoryZip = pgTable(
  "territory_zip",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territory.id, { onDelete: "cascade" }),
    zip5: varchar("zip5", { length: 5 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.zip5] }), index("territory_zip_org_zip_idx").on(t.orgId, t.zip5)],
);

export const appUser = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    email: varchar("email", { length: 320 }).notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    /** A manager's region; null for reps and admins. */
    regionId: uuid("region_id").references(() => region.id),
    /** scrypt hash (see @pharmacrm/auth); null for users who sign in only with OIDC. */
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Platform operator: loads the shared public reference data (NPPES, Part D, ...) for every org. Granted from
     * the CLI or env (PLATFORM_OPERATORS), never by a tenant admin. */
    platformOperator: boolean("platform_operator").notNull().default(false),
    /** Bumped to end every session of this user at their next request: sign out everywhere, role change, disable. */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("app_user_email_uq").on(t.email), index("app_user_org_idx").on(t.orgId, t.role)],
);

export const territoryAssignment = pgTable(
  "territory_assignment",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territory.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.territoryId] }),
    index("territory_assignment_territory_idx").on(t.territoryId),
  ],
);
