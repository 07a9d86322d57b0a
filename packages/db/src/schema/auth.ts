// Sign-in state kept on the server: throttling counters, the sessions behind each token, and second factors.
import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { appUser, org } from "./org";

/** Failure counters and holds of the sign-in throttle (the store of rate-limiter-flexible): `key` → points until `expire`. */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    key: varchar("key", { length: 512 }).primaryKey(),
    points: integer("points").notNull(),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("sign_in_throttle_expire_idx").on(t.expire)],
);

/**
 * One row per sign-in; the session token carries its id. Signing out revokes the row, so the token stops working at
 * once even though it has not expired. A session that still owes a second factor has `second_factor_at` null.
 */
export const authSession = pgTable(
  "auth_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    /** "password" or "oidc". */
    method: varchar("method", { length: 16 }).notNull(),
    ip: varchar("ip", { length: 64 }),
    userAgent: varchar("user_agent", { length: 300 }),
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("auth_session_user_idx").on(t.userId, t.expiresAt)],
);

/** A user's TOTP authenticator. The secret is encrypted (AES-256-GCM); `confirmed_at` null = enrolment not finished. */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => appUser.id, { onDelete: "cascade" }),
  orgId: uuid("org_id")
    .notNull()
    .references(() => org.id),
  secretEncrypted: text("secret_encrypted").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, stored as hashes only. */
export const mfaRecoveryCode = pgTable(
  "mfa_recovery_code",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    codeHash: varchar("code_hash", { length: 128 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("mfa_recovery_code_user_hash_uq").on(t.userId, t.codeHash)],
);

export const passwordTokenPurpose = pgEnum("password_token_purpose", ["invite", "reset"]);

/**
 * A one-time link to set a password: an invitation to a new user or a reset an admin issued. Only the token's
 * SHA-256 is kept; a new link for the same user replaces any unused one. Used once, then `used_at` is set.
 */
export const passwordToken = pgTable(
  "password_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    purpose: passwordTokenPurpose("purpose").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    createdBy: uuid("created_by").references(() => appUser.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** A submission is hashing the new password until then: another waits rather than hashing too. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_token_hash_uq").on(t.tokenHash), index("password_token_user_idx").on(t.userId)],
);
