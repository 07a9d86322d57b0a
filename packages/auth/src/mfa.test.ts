import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, auditEvent, org, userMfa, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { loadSessionViewer, startAuthSession, type SessionClaims } from "@pharmacrm/domain";

import { confirmEnrolment, disableMfa, startEnrolment, verifySecondFactor, type MfaUser } from "./mfa";
import { deriveMfaKeys } from "./mfa-crypto";
import { checkSecondFactor } from "./second-factor";
import { THROTTLE_RULES } from "./throttle";

const keys = deriveMfaKeys("test secret, not the app's");
let database: Database;
const orgs: Record<"policy" | "noPolicy" | "demo", string> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db
    .insert(org)
    .values([
      { name: "New org", slug: "mfa-policy" }, // the default: admins must use a second factor
      { name: "Relaxed org", slug: "mfa-relaxed", mfaRequiredForAdmins: false },
      { name: "Demo org", slug: "mfa-demo", isDemo: true, mfaRequiredForAdmins: false },
    ])
    .returning();
  [orgs.policy, orgs.noPolicy, orgs.demo] = rows.map((r) => r.id) as [string, string, string];
});
afterAll(() => database.close());

let counter = 0;
async function newUser(
  orgKey: keyof typeof orgs,
  role: "rep" | "manager" | "admin",
  platformOperator = false,
): Promise<MfaUser> {
  const email = `user${++counter}@mfa.example`;
  const [u] = await database.db
    .insert(appUser)
    .values({ orgId: orgs[orgKey], email, name: `User ${counter}`, role, platformOperator })
    .returning();
  return { userId: u!.id, orgId: u!.orgId, email };
}
const signIn = async (user: MfaUser): Promise<SessionClaims> =>
  (await startAuthSession(database.db, user.userId, "password", { ip: "198.51.100.9", userAgent: null }))!;
const stage = async (claims: SessionClaims) => (await loadSessionViewer(database.db, claims))?.secondFactor;

/** The code an authenticator app shows for this secret at this moment. */
const codeAt = (secret: string, timestamp: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp });

async function enrol(user: MfaUser, at = Date.now()) {
  const pending = await startEnrolment(database.db, user, keys);
  const recoveryCodes = await confirmEnrolment(database.db, user, codeAt(pending.secret, at), keys, at);
  return { secret: pending.secret, recoveryCodes: recoveryCodes! };
}

describe("TOTP enrolment", () => {
  it("shows a QR-able otpauth URI and a manual key; stores the secret encrypted, never in clear", async () => {
    const user = await newUser("noPolicy", "rep");
    const pending = await startEnrolment(database.db, user, keys);
    expect(pending.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pending.uri).toMatch(/^otpauth:\/\/totp\/PharmaCRM:user\d+%40mfa\.example\?/);
    expect(pending.uri).toContain(`secret=${pending.secret}`);
    const [row] = await database.db.select().from(userMfa).where(eq(userMfa.userId, user.userId));
    expect(row!.secretEncrypted).not.toContain(pending.secret);
    expect(row!.confirmedAt).toBeNull();
  });

  it("a wrong code does not confirm; the app's current code does, and returns ten single-use recovery codes", async () => {
    const user = await newUser("noPolicy", "rep");
    const pending = await startEnrolment(database.db, user, keys);
    const now = Date.now();
    const wrong = String((Number(codeAt(pending.secret, now)) + 1) % 1_000_000).padStart(6, "0");
    expect(await confirmEnrolment(database.db, user, wrong, keys, now)).toBeNull();
    const codes = await confirmEnrolment(database.db, user, codeAt(pending.secret, now), keys, now);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    await expect(startEnrolment(database.db, user, keys)).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, user.userId), eq(auditEvent.action, "auth.mfa_enrol")));
    expect(audit).toHaveLength(1);
  });
});

describe("the second step", () => {
  it("accepts the current code once (no replay), a later code, and refuses a wrong one", async () => {
    const user = await newUser("noPolicy", "manager");
    const t0 = Date.now();
    const { secret } = await enrol(user, t0);
    const t1 = t0 + 60_000;
    expect(
      await verifySecondFactor(database.db, user, "000000" === codeAt(secret, t1) ? "111111" : "000000", keys, t1),
    ).toBeNull();
    expect(await verifySecondFactor(database.db, user, codeAt(secret, t1), keys, t1)).toBe("totp");
    expect(await verifySecondFactor(database.db, user, codeAt(secret, t1), keys, t1)).toBeNull();
    expect(await verifySecondFactor(database.db, user, codeAt(secret, t1 + 30_000), keys, t1 + 30_000)).toBe("totp");
  });

  it("a recovery code works once, typed in any case and with or without the dash", async () => {
    const user = await newUser("noPolicy", "rep");
    const { recoveryCodes } = await enrol(user);
    const [first, second] = recoveryCodes;
    expect(await verifySecondFactor(database.db, user, first!.toUpperCase(), keys)).toBe("recovery_code");
    expect(await verifySecondFactor(database.db, user, first!, keys)).toBeNull();
    expect(await verifySecondFactor(database.db, user, second!.replace("-", ""), keys)).toBe("recovery_code");
  });

  it("an enrolled user's new session owes the code; passing it signs the session in (audited)", async () => {
    const user = await newUser("noPolicy", "rep");
    const { secret } = await enrol(user, Date.now() - 60_000);
    const claims = await signIn(user);
    expect(await stage(claims)).toBe("verify");
    const session = (await loadSessionViewer(database.db, claims))!;
    const now = Date.now();
    expect(
      await checkSecondFactor(database.db, session, codeAt(secret, now), { ip: "198.51.100.9" }, keys, now),
    ).toEqual({ outcome: "ok", method: "totp" });
    expect(await stage(claims)).toBe("done");
    const audit = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, user.userId), eq(auditEvent.action, "auth.second_factor")));
    expect(audit).toHaveLength(1);
  });

  it("is throttled: five wrong codes lock the step, and then even the right code is refused", async () => {
    const user = await newUser("noPolicy", "rep");
    const { secret } = await enrol(user, Date.now() - 60_000);
    const claims = await signIn(user);
    const session = (await loadSessionViewer(database.db, claims))!;
    const outcomes: string[] = [];
    for (let i = 0; i < THROTTLE_RULES.secondFactor.max + 2; i++) {
      outcomes.push(
        (await checkSecondFactor(database.db, session, "12345x".replace("x", String(i)), { ip: null }, keys)).outcome,
      );
    }
    expect(outcomes.slice(0, THROTTLE_RULES.secondFactor.free + 1)).toEqual(
      Array(THROTTLE_RULES.secondFactor.free + 1).fill("invalid"),
    );
    expect(outcomes.at(-1)).toBe("throttled");
    const now = Date.now();
    expect(await checkSecondFactor(database.db, session, codeAt(secret, now), { ip: null }, keys, now)).toMatchObject({
      outcome: "throttled",
    });
    expect(await stage(claims)).toBe("verify");
  });

  it("turning MFA off needs a valid code; afterwards sign-in asks for none", async () => {
    const user = await newUser("noPolicy", "rep");
    const { secret } = await enrol(user, Date.now() - 60_000);
    expect(await disableMfa(database.db, user, "not-a-code", keys)).toBe(false);
    const now = Date.now();
    expect(await disableMfa(database.db, user, codeAt(secret, now), keys, now)).toBe(true);
    expect(await stage(await signIn(user))).toBe("done");
  });
});

describe("who must use a second factor", () => {
  it("an admin of an org with the policy (the default for new orgs) must enrol before doing anything", async () => {
    const admin = await newUser("policy", "admin");
    const claims = await signIn(admin);
    expect(await stage(claims)).toBe("enrol");
    const pending = await startEnrolment(database.db, admin, keys);
    const now = Date.now();
    await confirmEnrolment(database.db, admin, codeAt(pending.secret, now), keys, now);
    // Enrolling from a session does not by itself pass that session: it still owes a code (the page marks it).
    expect(await stage(claims)).toBe("verify");
  });

  it("reps and managers may skip it; admins may where the org turned the policy off", async () => {
    expect(await stage(await signIn(await newUser("policy", "rep")))).toBe("done");
    expect(await stage(await signIn(await newUser("policy", "manager")))).toBe("done");
    expect(await stage(await signIn(await newUser("noPolicy", "admin")))).toBe("done");
  });

  it("platform operators always must, in a demo org too, whatever the org's policy", async () => {
    expect(await stage(await signIn(await newUser("noPolicy", "rep", true)))).toBe("enrol");
    expect(await stage(await signIn(await newUser("demo", "admin", true)))).toBe("enrol");
    expect(await stage(await signIn(await newUser("demo", "admin")))).toBe("done");
  });
});
