import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { appUser, auditEvent, org, signInThrottle, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { listOrgUsers, unlockUser, type Scope } from "@pharmacrm/domain";

import type * as PasswordModule from "./password";
import { hashPassword, verifyPassword } from "./password";
import { checkPassword, type PasswordCheck } from "./sign-in";
import { THROTTLE_RULES, tooManyAttemptsMessage } from "./throttle";

// Count the password hashes actually run: a held attempt must not run one.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof PasswordModule>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const hashesRun = vi.mocked(verifyPassword);

const PASSWORD = "correct horse battery";
let database: Database;
let orgId: string;
let otherOrgId: string;
const users: Record<"rep" | "admin" | "second" | "otherAdmin", { id: string; email: string }> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  const [o, other] = await database.db
    .insert(org)
    .values([
      { name: "Org", slug: "throttle-org" },
      { name: "Other", slug: "throttle-other" },
    ])
    .returning();
  orgId = o!.id;
  otherOrgId = other!.id;
  const passwordHash = await hashPassword(PASSWORD);
  const rows = await database.db
    .insert(appUser)
    .values([
      { orgId, email: "rep@throttle.example", name: "Rep", role: "rep", passwordHash },
      { orgId, email: "admin@throttle.example", name: "Admin", role: "admin", passwordHash },
      { orgId, email: "second@throttle.example", name: "Second", role: "rep", passwordHash },
      { orgId: otherOrgId, email: "admin@other.example", name: "Other admin", role: "admin", passwordHash },
    ])
    .returning();
  (["rep", "admin", "second", "otherAdmin"] as const).forEach(
    (key, i) => (users[key] = { id: rows[i]!.id, email: rows[i]!.email }),
  );
});
afterAll(() => database.close());

// Only Date is faked: the database driver keeps its real timers.
let now = Date.UTC(2026, 0, 5, 9, 0, 0);
const advance = (ms: number) => vi.setSystemTime((now += ms));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  advance(24 * 60 * 60 * 1000); // every test starts a day later: no counter of another test is still running
  hashesRun.mockClear();
});
afterEach(() => vi.useRealTimers());

const attempt = (email: string, password: string, ip: string | null = "198.51.100.1") =>
  checkPassword(database.db, { email, password }, { ip });

/** Fails one attempt, first waiting out any backoff (as a patient attacker would); returns the failure's outcome. */
async function failOnce(email: string, ip: string | null = "198.51.100.1"): Promise<PasswordCheck> {
  let result = await attempt(email, "wrong password", ip);
  while (result.outcome === "throttled" && result.retryAfterMs <= THROTTLE_RULES.account.maxBackoffSeconds * 1000) {
    advance(result.retryAfterMs + 1);
    result = await attempt(email, "wrong password", ip);
  }
  return result;
}

const auditActions = async (userId: string) =>
  await database.db
    .select({ action: auditEvent.action, after: auditEvent.after })
    .from(auditEvent)
    .where(eq(auditEvent.entityId, userId))
    .orderBy(auditEvent.id);

describe("sign-in throttle", () => {
  it("100 wrong passwords in a row: a few hashes, then every try is held without hashing, and the right password is refused", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 100; i++) outcomes.push((await attempt(users.rep.email, `guess ${i}`)).outcome);
    expect(outcomes.slice(0, THROTTLE_RULES.account.free + 1)).toEqual(
      Array(THROTTLE_RULES.account.free + 1).fill("invalid"),
    );
    expect(outcomes.slice(THROTTLE_RULES.account.free + 1).every((o) => o === "throttled")).toBe(true);
    expect(hashesRun).toHaveBeenCalledTimes(THROTTLE_RULES.account.free + 1);

    const right = await attempt(users.rep.email, PASSWORD);
    expect(right.outcome).toBe("throttled");
    expect(hashesRun).toHaveBeenCalledTimes(THROTTLE_RULES.account.free + 1);
  });

  it("ten failures lock the account for 15 minutes: the right password is refused unhashed, then works and resets the count", async () => {
    for (let i = 1; i <= THROTTLE_RULES.account.max; i++)
      expect((await failOnce(users.rep.email)).outcome).toBe("invalid");
    hashesRun.mockClear();

    const locked = await attempt(users.rep.email, PASSWORD, "192.0.2.99");
    expect(locked).toMatchObject({ outcome: "throttled" });
    const wait = (locked as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(tooManyAttemptsMessage(wait)).toBe("Too many attempts; try again in 15 minutes.");
    expect(hashesRun).not.toHaveBeenCalled();

    advance(15 * 60_000 + 1000);
    expect(await attempt(users.rep.email, PASSWORD)).toMatchObject({ outcome: "ok", user: { id: users.rep.id } });
    // The success cleared the account's failures: the next free failures hash and are not held.
    for (let i = 0; i < THROTTLE_RULES.account.free; i++)
      expect((await attempt(users.rep.email, "wrong")).outcome).toBe("invalid");
  });

  it("audits each wrong password (never the password) and the lockout in the account's org", async () => {
    for (let i = 0; i < THROTTLE_RULES.account.max; i++) await failOnce(users.second.email);
    const rows = await auditActions(users.second.id);
    expect(rows.filter((r) => r.action === "auth.sign_in_failed")).toHaveLength(THROTTLE_RULES.account.max);
    expect(rows.filter((r) => r.action === "auth.locked")).toHaveLength(1);
    expect(rows[0]!.after).toMatchObject({ ip: "198.51.100.1", reason: "wrong_password", failures: 1 });
    expect(JSON.stringify(rows)).not.toContain("wrong password");
    const [inOrg] = await database.db
      .select({ orgId: auditEvent.orgId })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, users.second.id), eq(auditEvent.action, "auth.locked")));
    expect(inOrg!.orgId).toBe(orgId);
  });

  it("one address failing across many accounts is locked out for every account, other addresses are not", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < THROTTLE_RULES.ip.max; i++)
      expect((await failOnce(`nobody-${i}@throttle.example`, ip)).outcome).toBe("invalid");
    hashesRun.mockClear();
    expect(await attempt(users.admin.email, PASSWORD, ip)).toMatchObject({ outcome: "throttled" });
    expect(hashesRun).not.toHaveBeenCalled();
    expect(await attempt(users.admin.email, PASSWORD, "203.0.113.8")).toMatchObject({ outcome: "ok" });
  });

  it("emails that do not exist are locked out the same way (a lockout reveals nothing)", async () => {
    for (let i = 0; i < THROTTLE_RULES.account.max; i++) await failOnce("ghost@throttle.example");
    expect(await attempt("ghost@throttle.example", "anything", "192.0.2.50")).toMatchObject({ outcome: "throttled" });
  });
  it("a sign-in sweeps counters that ran out more than an hour ago, and keeps live ones", async () => {
    await database.db.insert(signInThrottle).values([
      { key: "sign-in-failures:account:stale@throttle.example", points: 1, expire: new Date(now - 2 * 60 * 60 * 1000) },
      { key: "sign-in-failures:account:live@throttle.example", points: 1, expire: new Date(now + 60_000) },
    ]);
    expect(await attempt(users.admin.email, PASSWORD)).toMatchObject({ outcome: "ok" });
    const keys = (await database.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
    expect(keys).not.toContain("sign-in-failures:account:stale@throttle.example");
    expect(keys).toContain("sign-in-failures:account:live@throttle.example");
  });
});

describe("admin unlock", () => {
  const scopeOf = (user: { id: string }, role: Scope["role"], org = orgId): Scope => ({
    orgId: org,
    userId: user.id,
    role,
    territoryIds: null,
  });

  it("an admin of the same org lifts the lockout (audited); the list shows who is locked until when", async () => {
    for (let i = 0; i < THROTTLE_RULES.account.max; i++) await failOnce(users.rep.email);
    const listed = await listOrgUsers(database.db, scopeOf(users.admin, "admin"));
    expect(listed.find((u) => u.id === users.rep.id)!.lockedUntil).toBeInstanceOf(Date);
    expect(listed.find((u) => u.id === users.second.id)!.lockedUntil).toBeNull();

    await unlockUser(database.db, scopeOf(users.admin, "admin"), { userId: users.rep.id });
    expect(await attempt(users.rep.email, PASSWORD)).toMatchObject({ outcome: "ok" });
    const [unlock] = await database.db
      .select({ actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, users.rep.id), eq(auditEvent.action, "auth.unlock")));
    expect(unlock!.actorId).toBe(users.admin.id);
  });

  it("a rep cannot unlock, nor can an admin of another org", async () => {
    for (let i = 0; i < THROTTLE_RULES.account.max; i++) await failOnce(users.rep.email);
    await expect(unlockUser(database.db, scopeOf(users.second, "rep"), { userId: users.rep.id })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      unlockUser(database.db, scopeOf(users.otherAdmin, "admin", otherOrgId), { userId: users.rep.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await attempt(users.rep.email, PASSWORD)).toMatchObject({ outcome: "throttled" });
  });
});
