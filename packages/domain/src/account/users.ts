// An org admin's view of the org's people: who is locked out, who has a second factor; and the changes that must end
// a person's sessions at once (role, disable) or lift a sign-in lockout. Every change is audited in its transaction.
import { and, asc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";

import { appUser, mfaRecoveryCode, org, passwordToken, region, signInThrottle, userMfa, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import type { Scope } from "../scope";
import { bumpSessionVersion } from "./sessions";
import { THROTTLE_LIMITERS, throttleKeys, throttleSubject } from "./throttle-keys";

export const requireAdmin = (scope: Scope) => {
  if (scope.role !== "admin") throw forbidden("Only an administrator can manage users.");
};

export interface OrgUser {
  id: string;
  name: string;
  email: string;
  role: "rep" | "manager" | "admin";
  regionId: string | null;
  disabled: boolean;
  mfaEnrolled: boolean;
  /** Until when sign-in is refused after too many failures; null when not locked. */
  lockedUntil: Date | null;
  /** False for someone invited who has not chosen a password yet (or who signs in only with SSO). */
  passwordSet: boolean;
  /** Until when the last unused password link issued for them works; null when there is none. */
  linkExpiresAt: Date | null;
}

export async function listOrgUsers(db: Db, scope: Scope, now = new Date()): Promise<OrgUser[]> {
  requireAdmin(scope);
  const users = await db
    .select({
      id: appUser.id,
      name: appUser.name,
      email: appUser.email,
      role: appUser.role,
      regionId: appUser.regionId,
      disabledAt: appUser.disabledAt,
      mfaConfirmedAt: userMfa.confirmedAt,
      passwordSet: sql<boolean>`${appUser.passwordHash} is not null`,
      linkExpiresAt: sql<Date | null>`(select max(${passwordToken.expiresAt}) from ${passwordToken}
        where ${passwordToken.userId} = ${appUser.id} and ${passwordToken.usedAt} is null)`.mapWith(
        passwordToken.expiresAt,
      ),
    })
    .from(appUser)
    .leftJoin(userMfa, eq(userMfa.userId, appUser.id))
    .where(eq(appUser.orgId, scope.orgId))
    .orderBy(asc(appUser.name))
    .limit(1000);
  const holdKey = (subject: string) => `${THROTTLE_LIMITERS.hold}:${subject}`;
  const keys = users.flatMap((u) => [
    holdKey(throttleSubject.account(u.email)),
    holdKey(throttleSubject.secondFactor(u.id)),
  ]);
  const holds =
    keys.length > 0
      ? await db
          .select({ key: signInThrottle.key, expire: signInThrottle.expire })
          .from(signInThrottle)
          .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.expire, now)))
      : [];
  const holdUntil = new Map(holds.map((h) => [h.key, h.expire]));
  // Only a lockout counts as "locked"; the few seconds of backoff after a failure are not worth showing.
  const lockedUntil = (u: (typeof users)[number]) => {
    const until = [
      holdUntil.get(holdKey(throttleSubject.account(u.email))),
      holdUntil.get(holdKey(throttleSubject.secondFactor(u.id))),
    ]
      .filter((d): d is Date => d instanceof Date && d.getTime() - now.getTime() > 60_000)
      .sort((a, b) => b.getTime() - a.getTime());
    return until[0] ?? null;
  };
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    regionId: u.regionId,
    disabled: u.disabledAt !== null,
    mfaEnrolled: u.mfaConfirmedAt !== null,
    lockedUntil: lockedUntil(u),
    passwordSet: u.passwordSet,
    linkExpiresAt: u.linkExpiresAt,
  }));
}

async function orgUser(tx: Db, scope: Scope, userId: string) {
  const [user] = await tx
    .select({
      id: appUser.id,
      email: appUser.email,
      role: appUser.role,
      regionId: appUser.regionId,
      disabledAt: appUser.disabledAt,
      platformOperator: appUser.platformOperator,
    })
    .from(appUser)
    .where(and(eq(appUser.id, userId), eq(appUser.orgId, scope.orgId)))
    .limit(1)
    .for("update");
  if (!user) throw notFound("That user");
  return user;
}

/** Keeps at least one active admin, so an org can never lock itself out of its own administration. */
async function assertAnotherActiveAdmin(tx: Db, scope: Scope, userId: string) {
  const [{ count } = { count: 0 }] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(appUser)
    .where(
      and(
        eq(appUser.orgId, scope.orgId),
        eq(appUser.role, "admin"),
        isNull(appUser.disabledAt),
        ne(appUser.id, userId),
      ),
    );
  if (count === 0) throw new DomainError("CONFLICT", "The organisation needs at least one active administrator.");
}

export const unlockUserInput = z.object({ userId: z.uuid("Not a user id") });

/** Lifts a sign-in lockout (password and second step) for a user of the admin's org. */
export async function unlockUser(db: Db, scope: Scope, input: z.infer<typeof unlockUserInput>): Promise<void> {
  requireAdmin(scope);
  await db.transaction(async (tx) => {
    const user = await orgUser(tx, scope, input.userId);
    const keys = [
      ...throttleKeys(throttleSubject.account(user.email)),
      ...throttleKeys(throttleSubject.secondFactor(user.id)),
    ];
    await tx.delete(signInThrottle).where(inArray(signInThrottle.key, keys));
    await recordAudit(tx, scope, { action: "auth.unlock", entityType: "app_user", entityId: user.id });
  });
}

export const changeUserRoleInput = z
  .object({
    userId: z.uuid("Not a user id"),
    role: z.enum(["rep", "manager", "admin"], { message: "Choose rep, manager or admin." }),
    regionId: z.uuid("Not a region id").nullish(),
  })
  .refine((v) => v.role !== "manager" || Boolean(v.regionId), {
    message: "A manager needs a region.",
    path: ["regionId"],
  });

/** Changes a user's role (a manager's region with it); the user's sessions end at their next request. */
export async function changeUserRole(db: Db, scope: Scope, input: z.infer<typeof changeUserRoleInput>): Promise<void> {
  requireAdmin(scope);
  const regionId = input.role === "manager" ? (input.regionId ?? null) : null;
  await db.transaction(async (tx) => {
    const user = await orgUser(tx, scope, input.userId);
    if (user.role === input.role && user.regionId === regionId) return;
    if (user.role === "admin" && input.role !== "admin") await assertAnotherActiveAdmin(tx, scope, user.id);
    if (regionId) {
      const [found] = await tx
        .select({ id: region.id })
        .from(region)
        .where(and(eq(region.id, regionId), eq(region.orgId, scope.orgId)))
        .limit(1);
      if (!found) throw notFound("That region");
    }
    await tx.update(appUser).set({ role: input.role, regionId }).where(eq(appUser.id, user.id));
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, scope, {
      action: "user.change_role",
      entityType: "app_user",
      entityId: user.id,
      before: { role: user.role, regionId: user.regionId },
      after: { role: input.role, regionId },
    });
  });
}

export const setUserDisabledInput = z.object({ userId: z.uuid("Not a user id"), disabled: z.boolean() });

/** Disables (sessions end at once, sign-in refused) or re-enables a user of the admin's org. */
export async function setUserDisabled(
  db: Db,
  scope: Scope,
  input: z.infer<typeof setUserDisabledInput>,
): Promise<void> {
  requireAdmin(scope);
  if (input.disabled && input.userId === scope.userId)
    throw new DomainError("CONFLICT", "You cannot disable your own account.");
  await db.transaction(async (tx) => {
    const user = await orgUser(tx, scope, input.userId);
    if ((user.disabledAt !== null) === input.disabled) return;
    if (input.disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, scope, user.id);
    await tx
      .update(appUser)
      .set({ disabledAt: input.disabled ? new Date() : null })
      .where(eq(appUser.id, user.id));
    // Links sent before do not come back to life when the account is enabled again.
    if (input.disabled)
      await tx.delete(passwordToken).where(and(eq(passwordToken.userId, user.id), isNull(passwordToken.usedAt)));
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, scope, {
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "app_user",
      entityId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled: input.disabled },
    });
  });
}

export const resetUserMfaInput = z.object({ userId: z.uuid("Not a user id") });

/** For a person who lost their authenticator and recovery codes: removes it; they enrol again at their next sign-in. */
export async function resetUserMfa(db: Db, scope: Scope, input: z.infer<typeof resetUserMfaInput>): Promise<void> {
  requireAdmin(scope);
  if (input.userId === scope.userId)
    throw new DomainError("CONFLICT", "Turn off your own authenticator on your security page.");
  await db.transaction(async (tx) => {
    const user = await orgUser(tx, scope, input.userId);
    if (user.platformOperator)
      throw new DomainError(
        "CONFLICT",
        "A platform operator's authenticator is reset on the server, not by an org admin.",
      );
    const removed = await tx.delete(userMfa).where(eq(userMfa.userId, user.id)).returning({ userId: userMfa.userId });
    if (removed.length === 0) throw new DomainError("CONFLICT", "That user has no authenticator set up.");
    await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, user.id));
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, scope, { action: "auth.mfa_reset", entityType: "app_user", entityId: user.id });
  });
}

export const setMfaPolicyInput = z.object({ requiredForAdmins: z.boolean() });

export async function mfaPolicy(db: Db, scope: Scope): Promise<{ requiredForAdmins: boolean }> {
  const [row] = await db
    .select({ requiredForAdmins: org.mfaRequiredForAdmins })
    .from(org)
    .where(eq(org.id, scope.orgId))
    .limit(1);
  return { requiredForAdmins: row?.requiredForAdmins ?? true };
}

/** The org's rule that admins sign in with a second factor. Admins without one are sent to enrol at their next request. */
export async function setMfaPolicy(db: Db, scope: Scope, input: z.infer<typeof setMfaPolicyInput>): Promise<void> {
  requireAdmin(scope);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ required: org.mfaRequiredForAdmins })
      .from(org)
      .where(eq(org.id, scope.orgId))
      .limit(1)
      .for("update");
    if (!before || before.required === input.requiredForAdmins) return;
    await tx.update(org).set({ mfaRequiredForAdmins: input.requiredForAdmins }).where(eq(org.id, scope.orgId));
    await recordAudit(tx, scope, {
      action: "org.mfa_policy",
      entityType: "org",
      entityId: scope.orgId,
      before: { mfaRequiredForAdmins: before.required },
      after: { mfaRequiredForAdmins: input.requiredForAdmins },
    });
  });
}

/** The org's regions, to pick a manager's region. */
export async function listOrgRegions(db: Db, scope: Scope): Promise<{ id: string; name: string }[]> {
  requireAdmin(scope);
  return db
    .select({ id: region.id, name: region.name })
    .from(region)
    .where(eq(region.orgId, scope.orgId))
    .orderBy(asc(region.name));
}
