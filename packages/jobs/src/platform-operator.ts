// Platform operators: the people above every org who load the shared public reference data (NPPES, Part D, Open
// Payments, taxonomy, ZIPs) that every org reads. Being a tenant admin does not make one: the grant is made on the
// server, by `pnpm operator grant <email>` or by listing the email in PLATFORM_OPERATORS (applied when the app
// starts), and lives in app_user.platform_operator, so sign-in, MFA policy and every check read the same flag.
// Each change is written to the audit trail of the person's org, with no actor (nobody signed in made it).
import { eq, sql } from "drizzle-orm";

import { appUser, auditEvent, type Db } from "@pharmacrm/db";

/** May start imports of shared reference data. */
export const isPlatformOperator = (viewer: { platformOperator: boolean } | null | undefined): boolean =>
  viewer?.platformOperator === true;

export class UnknownUserError extends Error {
  override readonly name = "UnknownUserError";
  constructor(readonly email: string) {
    super(`No user has the email ${email}.`);
  }
}

export interface OperatorChange {
  userId: string;
  email: string;
  platformOperator: boolean;
  /** False when the user already had this status (nothing written). */
  changed: boolean;
}

/** Grants or revokes the platform-operator role by email (case-insensitive), audited in the user's org. */
export async function setPlatformOperator(
  db: Db,
  email: string,
  granted: boolean,
  via: "cli" | "env",
): Promise<OperatorChange> {
  const wanted = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: appUser.id,
        orgId: appUser.orgId,
        email: appUser.email,
        platformOperator: appUser.platformOperator,
      })
      .from(appUser)
      .where(eq(sql`lower(${appUser.email})`, wanted))
      .for("update");
    if (!user) throw new UnknownUserError(wanted);
    if (user.platformOperator === granted)
      return { userId: user.id, email: user.email, platformOperator: granted, changed: false };
    await tx.update(appUser).set({ platformOperator: granted }).where(eq(appUser.id, user.id));
    // Not recordAudit: that takes a signed-in viewer's scope, and this change has no actor in the app.
    await tx.insert(auditEvent).values({
      orgId: user.orgId,
      actorId: null,
      action: granted ? "platform_operator.grant" : "platform_operator.revoke",
      entityType: "app_user",
      entityId: user.id,
      before: { platformOperator: user.platformOperator },
      after: { platformOperator: granted, via },
    });
    return { userId: user.id, email: user.email, platformOperator: granted, changed: true };
  });
}

export interface EnvOperatorsApplied {
  granted: string[];
  /** Listed emails that belong to no user (yet): granted at a later start once the user exists. */
  unknown: string[];
}

/**
 * Grants the emails listed in PLATFORM_OPERATORS (the caller passes them). It only grants: removing an email from
 * the list does not revoke, `pnpm operator revoke <email>` does (an env var cannot tell who was granted by whom).
 */
export async function applyPlatformOperators(db: Db, emails: readonly string[]): Promise<EnvOperatorsApplied> {
  const applied: EnvOperatorsApplied = { granted: [], unknown: [] };
  for (const email of emails) {
    try {
      const change = await setPlatformOperator(db, email, true, "env");
      if (change.changed) applied.granted.push(change.email);
    } catch (error) {
      if (!(error instanceof UnknownUserError)) throw error;
      applied.unknown.push(error.email);
    }
  }
  return applied;
}

/** Everyone who holds the role, for `pnpm operator list`. */
export async function listPlatformOperators(db: Db): Promise<{ email: string; name: string; disabled: boolean }[]> {
  const rows = await db
    .select({ email: appUser.email, name: appUser.name, disabledAt: appUser.disabledAt })
    .from(appUser)
    .where(eq(appUser.platformOperator, true))
    .orderBy(appUser.email);
  return rows.map((row) => ({ email: row.email, name: row.name, disabled: row.disabledAt !== null }));
}
