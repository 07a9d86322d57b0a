// Invitations and password resets by one-time link. An admin invites a person (the account exists at once, with no
// password) or issues a reset link for one; either gives a link the admin sends them — it is shown once, only its
// SHA-256 is kept, a new one replaces an unused one, and it lapses (an invitation after 7 days, a reset after 24
// hours). Setting the password through it ends every session of the user, lifts a sign-in lockout and uses it up.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";

import { appUser, authSession, passwordToken, region, signInThrottle, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import type { Scope } from "../scope";
import { inviteUserInput, PASSWORD_TOKEN, passwordLinkInput } from "./password-link-input";
import { bumpSessionVersion, selfScope } from "./sessions";
import { throttleKeys, throttleSubject } from "./throttle-keys";
import { requireAdmin } from "./users";

const LIFETIME_MS = { invite: 7 * 24 * 3600_000, reset: 24 * 3600_000 } as const;
type Purpose = keyof typeof LIFETIME_MS;

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Whether the address is another org's, or reserved, is not this admin's business: one answer for both. */
const cannotInvite = (email: string) =>
  new DomainError(
    "CONFLICT",
    `${email} cannot be invited here. Check the address, or ask the person for the one your organisation uses.`,
  );

async function issueLink(tx: Db, scope: Scope, userId: string, purpose: Purpose, now: Date) {
  await tx.delete(passwordToken).where(and(eq(passwordToken.userId, userId), isNull(passwordToken.usedAt)));
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[purpose]);
  await tx.insert(passwordToken).values({
    orgId: scope.orgId,
    userId,
    purpose,
    tokenHash: hashOf(token),
    createdBy: scope.userId,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Adds a person to the admin's org with no password yet, and the link that lets them set one. Audited. */
export async function inviteUser(
  db: Db,
  scope: Scope,
  raw: z.input<typeof inviteUserInput>,
  options: { now?: Date; reservedEmails?: readonly string[] } = {},
) {
  requireAdmin(scope);
  const input = inviteUserInput.parse(raw);
  const now = options.now ?? new Date();
  // PLATFORM_OPERATORS names people the server makes operators once their account exists: never a tenant's invite.
  if (options.reservedEmails?.includes(input.email)) throw cannotInvite(input.email);
  const regionId = input.role === "manager" ? (input.regionId ?? null) : null;
  return db.transaction(async (tx) => {
    if (regionId) {
      const [found] = await tx
        .select({ id: region.id })
        .from(region)
        .where(and(eq(region.id, regionId), eq(region.orgId, scope.orgId)));
      if (!found) throw notFound("That region");
    }
    const [taken] = await tx.select({ orgId: appUser.orgId }).from(appUser).where(eq(appUser.email, input.email));
    if (taken?.orgId === scope.orgId)
      throw new DomainError("CONFLICT", `${input.email} is already in your organisation.`);
    if (taken) throw cannotInvite(input.email);
    const [user] = await tx
      .insert(appUser)
      .values({ orgId: scope.orgId, email: input.email, name: input.name, role: input.role, regionId })
      .onConflictDoNothing()
      .returning({ id: appUser.id });
    if (!user) throw cannotInvite(input.email);
    const link = await issueLink(tx, scope, user.id, "invite", now);
    await recordAudit(tx, scope, {
      action: "user.invite",
      entityType: "app_user",
      entityId: user.id,
      after: { email: input.email, name: input.name, role: input.role, regionId, linkExpiresAt: link.expiresAt },
    });
    return { userId: user.id, name: input.name, ...link };
  });
}

/** A new link for a user of the admin's org to set their password (an invitation again if they never set one). */
export async function issuePasswordLink(
  db: Db,
  scope: Scope,
  raw: z.input<typeof passwordLinkInput>,
  now = new Date(),
) {
  requireAdmin(scope);
  const { userId } = passwordLinkInput.parse(raw);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: appUser.id,
        name: appUser.name,
        disabledAt: appUser.disabledAt,
        hasPassword: appUser.passwordHash,
        platformOperator: appUser.platformOperator,
      })
      .from(appUser)
      .where(and(eq(appUser.id, userId), eq(appUser.orgId, scope.orgId)))
      .for("update");
    if (!user) throw notFound("That user");
    if (user.id === scope.userId)
      throw new DomainError(
        "CONFLICT",
        "Change your own password on your security page (it asks for the current one).",
      );
    if (user.platformOperator)
      throw new DomainError(
        "CONFLICT",
        `${user.name} is a platform operator: their password is managed on the server.`,
      );
    if (user.disabledAt) throw new DomainError("CONFLICT", `${user.name} is disabled: enable the account first.`);
    if (!user.hasPassword && (await signsInWithSso(tx, user.id)))
      throw new DomainError("CONFLICT", `${user.name} signs in with single sign-on: there is no password to set.`);
    const purpose: Purpose = user.hasPassword ? "reset" : "invite";
    const link = await issueLink(tx, scope, user.id, purpose, now);
    await recordAudit(tx, scope, {
      action: purpose === "reset" ? "user.password_reset_link" : "user.invite",
      entityType: "app_user",
      entityId: user.id,
      after: { linkExpiresAt: link.expiresAt },
    });
    return { userId: user.id, name: user.name, purpose, ...link };
  });
}

/**
 * Reserves a valid link for 30 seconds before its password is hashed, so that many submissions of one link cost one
 * hash at a time (scrypt is deliberately expensive). False when it is not valid or another submission holds it.
 */
export async function claimPasswordLink(db: Db, token: string, now = new Date()): Promise<boolean> {
  if (!PASSWORD_TOKEN.test(token)) return false;
  const claimed = await db
    .update(passwordToken)
    .set({ claimedUntil: new Date(now.getTime() + 30_000) })
    .where(
      and(
        eq(passwordToken.tokenHash, hashOf(token)),
        isNull(passwordToken.usedAt),
        gt(passwordToken.expiresAt, now),
        or(isNull(passwordToken.claimedUntil), lte(passwordToken.claimedUntil, now)),
      ),
    )
    .returning({ id: passwordToken.id });
  return claimed.length > 0;
}

/** True when the person has signed in through the organisation's single sign-on. */
async function signsInWithSso(tx: Db, userId: string) {
  const [session] = await tx
    .select({ id: authSession.id })
    .from(authSession)
    .where(and(eq(authSession.userId, userId), eq(authSession.method, "oidc")))
    .limit(1);
  return Boolean(session);
}

export type PasswordLinkState =
  | { state: "valid"; purpose: Purpose; email: string; name: string; expiresAt: Date }
  | { state: "expired" | "used" | "unknown" };

/** What a link is, for the page it opens: never more than the person's own name and email, and only while valid. */
export async function passwordLinkState(db: Db, token: string, now = new Date()): Promise<PasswordLinkState> {
  if (!PASSWORD_TOKEN.test(token)) return { state: "unknown" };
  const [row] = await db
    .select({
      purpose: passwordToken.purpose,
      expiresAt: passwordToken.expiresAt,
      usedAt: passwordToken.usedAt,
      email: appUser.email,
      name: appUser.name,
      disabledAt: appUser.disabledAt,
    })
    .from(passwordToken)
    .innerJoin(appUser, eq(appUser.id, passwordToken.userId))
    .where(eq(passwordToken.tokenHash, hashOf(token)));
  if (!row || row.disabledAt) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", purpose: row.purpose, email: row.email, name: row.name, expiresAt: row.expiresAt };
}

/** Why a link cannot be used, for the person holding it. */
export const LINK_REFUSALS = {
  unknown: "This link is not valid. Ask your administrator for a new one.",
  used: "This link was already used. Sign in, or ask your administrator for a new one.",
  expired: "This link has expired. Ask your administrator for a new one.",
} as const;

/**
 * Sets the password of the link's user (`passwordHash` computed by the caller from a password that passed
 * newPasswordInput). Once: the link is locked, checked and used up in one transaction.
 */
export async function setPasswordFromLink(
  db: Db,
  input: { token: string; passwordHash: string },
  now = new Date(),
): Promise<{ email: string }> {
  if (!PASSWORD_TOKEN.test(input.token)) throw new DomainError("BAD_REQUEST", LINK_REFUSALS.unknown);
  const tokenHash = hashOf(input.token);
  return db.transaction(async (tx) => {
    // The person first, then the link: the order issuing a link takes, so the two never deadlock.
    const [owner] = await tx
      .select({ userId: passwordToken.userId })
      .from(passwordToken)
      .where(eq(passwordToken.tokenHash, tokenHash));
    const [user] = owner
      ? await tx
          .select({ id: appUser.id, orgId: appUser.orgId, email: appUser.email, disabledAt: appUser.disabledAt })
          .from(appUser)
          .where(eq(appUser.id, owner.userId))
          .for("update")
      : [];
    const [link] = user
      ? await tx.select().from(passwordToken).where(eq(passwordToken.tokenHash, tokenHash)).for("update")
      : [];
    if (!link || !user || user.disabledAt) throw new DomainError("BAD_REQUEST", LINK_REFUSALS.unknown);
    if (link.usedAt) throw new DomainError("BAD_REQUEST", LINK_REFUSALS.used);
    if (link.expiresAt <= now) throw new DomainError("BAD_REQUEST", LINK_REFUSALS.expired);
    await tx.update(appUser).set({ passwordHash: input.passwordHash }).where(eq(appUser.id, user.id));
    await tx.update(passwordToken).set({ usedAt: now }).where(eq(passwordToken.id, link.id));
    await bumpSessionVersion(tx, user.id);
    await tx
      .delete(signInThrottle)
      .where(inArray(signInThrottle.key, throttleKeys(throttleSubject.account(user.email))));
    await recordAudit(tx, selfScope({ orgId: user.orgId, userId: user.id }), {
      action: link.purpose === "invite" ? "user.password_set" : "user.password_reset",
      entityType: "app_user",
      entityId: user.id,
    });
    return { email: user.email };
  });
}
