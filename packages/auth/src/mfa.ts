// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, via otpauth) with single-use recovery codes.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { z } from "zod";

import { mfaRecoveryCode, userMfa, type Db } from "@pharmacrm/db";
import { DomainError, recordAudit, type Scope } from "@pharmacrm/domain";

import {
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  type MfaKeys,
} from "./mfa-crypto";

const ISSUER = "PharmaCRM";
const RECOVERY_CODE_COUNT = 10;
/** One step either side of now: a phone clock 30 s off still works. */
const WINDOW = 1;

export interface MfaUser {
  userId: string;
  orgId: string;
  email: string;
}

/** A code as typed: six digits (spaces allowed) or a recovery code. */
export const secondFactorCodeInput = z
  .string()
  .trim()
  .min(1, "Enter the code from your authenticator app or a recovery code.")
  .max(40, "That code is too long.")
  .regex(/^[\w\s-]+$/, "Codes contain only letters, digits and dashes.");

const totpFor = (secretBase32: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

const asTotpCode = (code: string): string | null => {
  const digits = code.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
};

const auditScope = (user: MfaUser): Scope => ({
  orgId: user.orgId,
  userId: user.userId,
  role: "rep",
  territoryIds: [],
});

export interface PendingEnrolment {
  /** The secret in base32, for typing into an app by hand. */
  secret: string;
  /** otpauth:// URI for the QR code. */
  uri: string;
}

/**
 * Starts (or restarts) enrolment with a fresh secret. The secret is shown on the enrolment page until it is
 * confirmed; after that it is never shown again. Refused when an authenticator is already confirmed.
 */
export async function startEnrolment(db: Db, user: MfaUser, keys: MfaKeys): Promise<PendingEnrolment> {
  const [existing] = await db
    .select({ confirmedAt: userMfa.confirmedAt })
    .from(userMfa)
    .where(eq(userMfa.userId, user.userId))
    .limit(1);
  if (existing?.confirmedAt)
    throw new DomainError("CONFLICT", "An authenticator is already set up. Turn it off first to replace it.");
  const secret = new Secret({ size: 20 }).base32;
  const secretEncrypted = encryptSecret(secret, keys);
  await db
    .insert(userMfa)
    .values({ userId: user.userId, orgId: user.orgId, secretEncrypted })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretEncrypted, lastUsedStep: null, createdAt: new Date() },
    });
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/** The enrolment in progress (to show the QR code again after a reload), or null. */
export async function pendingEnrolment(db: Db, user: MfaUser, keys: MfaKeys): Promise<PendingEnrolment | null> {
  const [row] = await db
    .select({ secretEncrypted: userMfa.secretEncrypted })
    .from(userMfa)
    .where(and(eq(userMfa.userId, user.userId), isNull(userMfa.confirmedAt)))
    .limit(1);
  if (!row) return null;
  const secret = decryptSecret(row.secretEncrypted, keys);
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/**
 * Accepts a TOTP code once: the matched time step must be later than the last one used, and is recorded atomically,
 * so a code seen over someone's shoulder cannot be replayed in the same 90 seconds.
 */
async function acceptTotp(
  db: Db,
  user: MfaUser,
  code: string,
  keys: MfaKeys,
  confirmed: boolean,
  now: number,
): Promise<boolean> {
  const [row] = await db
    .select({ secretEncrypted: userMfa.secretEncrypted, confirmedAt: userMfa.confirmedAt })
    .from(userMfa)
    .where(eq(userMfa.userId, user.userId))
    .limit(1);
  if (!row || (row.confirmedAt !== null) !== confirmed) return false;
  const totp = totpFor(decryptSecret(row.secretEncrypted, keys), user.email);
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return false;
  const step = totp.counter({ timestamp: now }) + delta;
  const claimed = await db
    .update(userMfa)
    .set({ lastUsedStep: step, ...(confirmed ? {} : { confirmedAt: new Date(now) }) })
    .where(and(eq(userMfa.userId, user.userId), or(isNull(userMfa.lastUsedStep), lt(userMfa.lastUsedStep, step))))
    .returning({ userId: userMfa.userId });
  return claimed.length > 0;
}

/** Finishes enrolment with a code from the app; returns the recovery codes, shown this once. Null for a wrong code. */
export async function confirmEnrolment(
  db: Db,
  user: MfaUser,
  code: string,
  keys: MfaKeys,
  now = Date.now(),
): Promise<string[] | null> {
  const totpCode = asTotpCode(code);
  if (!totpCode) return null;
  return db.transaction(async (tx) => {
    if (!(await acceptTotp(tx, user, totpCode, keys, false, now))) return null;
    const codes = await replaceRecoveryCodes(tx, user, keys);
    await recordAudit(tx, auditScope(user), {
      action: "auth.mfa_enrol",
      entityType: "app_user",
      entityId: user.userId,
    });
    return codes;
  });
}

async function replaceRecoveryCodes(tx: Db, user: MfaUser, keys: MfaKeys): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, user.userId));
  await tx
    .insert(mfaRecoveryCode)
    .values(codes.map((code) => ({ orgId: user.orgId, userId: user.userId, codeHash: hashRecoveryCode(code, keys) })));
  return codes;
}

export type SecondFactorMethod = "totp" | "recovery_code";

/** Checks a second factor for an enrolled user: a TOTP code, or a recovery code (used up by this call). */
export async function verifySecondFactor(
  db: Db,
  user: MfaUser,
  code: string,
  keys: MfaKeys,
  now = Date.now(),
): Promise<SecondFactorMethod | null> {
  const totpCode = asTotpCode(code);
  if (totpCode) return (await acceptTotp(db, user, totpCode, keys, true, now)) ? "totp" : null;
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return null;
  const used = await db
    .update(mfaRecoveryCode)
    .set({ usedAt: new Date(now) })
    .where(
      and(
        eq(mfaRecoveryCode.userId, user.userId),
        eq(mfaRecoveryCode.codeHash, hashRecoveryCode(normalised, keys)),
        isNull(mfaRecoveryCode.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCode.id });
  return used.length > 0 ? "recovery_code" : null;
}

/** Recovery codes not yet used. */
export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ id: mfaRecoveryCode.id })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.userId, userId), isNull(mfaRecoveryCode.usedAt)));
  return rows.length;
}

/** New recovery codes (the old ones stop working), after proving the second factor again. */
export async function regenerateRecoveryCodes(
  db: Db,
  user: MfaUser,
  code: string,
  keys: MfaKeys,
  now = Date.now(),
): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    if (!(await verifySecondFactor(tx, user, code, keys, now))) return null;
    const codes = await replaceRecoveryCodes(tx, user, keys);
    await recordAudit(tx, auditScope(user), {
      action: "auth.mfa_recovery_codes",
      entityType: "app_user",
      entityId: user.userId,
    });
    return codes;
  });
}

/** Turns the authenticator off after proving it once more (a code or a recovery code). False for a wrong code. */
export async function disableMfa(
  db: Db,
  user: MfaUser,
  code: string,
  keys: MfaKeys,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await verifySecondFactor(tx, user, code, keys, now))) return false;
    await tx.delete(userMfa).where(eq(userMfa.userId, user.userId));
    await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, user.userId));
    await recordAudit(tx, auditScope(user), {
      action: "auth.mfa_disable",
      entityType: "app_user",
      entityId: user.userId,
    });
    return true;
  });
}

/** Abandons an enrolment that was started but never confirmed. */
export async function cancelEnrolment(db: Db, userId: string): Promise<void> {
  await db.delete(userMfa).where(and(eq(userMfa.userId, userId), isNull(userMfa.confirmedAt)));
}

/** When the authenticator was confirmed, or null when there is none. */
export async function mfaEnrolledAt(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ confirmedAt: userMfa.confirmedAt })
    .from(userMfa)
    .where(eq(userMfa.userId, userId))
    .limit(1);
  return row?.confirmedAt ?? null;
}
