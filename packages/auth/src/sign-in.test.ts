import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, org, signInThrottle, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { inviteUser, loadSessionViewer, setPasswordFromLink, startAuthSession } from "@pharmacrm/domain";

import { changeOwnPassword, hasOwnPassword } from "./change-password";
import { hashPassword, passwordHashLoad, verifyPassword } from "./password";
import { verifyCredentials } from "./sign-in";

let database: Database;
let userId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const [o] = await database.db.insert(org).values({ name: "Org", slug: "org" }).returning();
  const [u] = await database.db
    .insert(appUser)
    .values({
      orgId: o!.id,
      email: "rep@org.example",
      name: "Rep",
      role: "rep",
      passwordHash: await hashPassword("correct horse battery"),
    })
    .returning();
  userId = u!.id;
});
afterAll(() => database.close());

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one; salts differ", async () => {
    const a = await hashPassword("s3cret!");
    const b = await hashPassword("s3cret!");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("s3cret!", a)).toBe(true);
    expect(await verifyPassword("s3cret?", a)).toBe(false);
    expect(await verifyPassword("s3cret!", "md5$abc")).toBe(false);
  });
});

describe("password hashing under load", () => {
  it("runs at most a few 32 MiB derivations at once; the rest wait their turn and still answer", async () => {
    const stored = await hashPassword("s3cret!");
    const burst = Array.from({ length: 12 }, (_, i) => verifyPassword(i === 0 ? "s3cret!" : `guess ${i}`, stored));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const load = passwordHashLoad();
    expect(load.running).toBe(load.limit);
    expect(load.waiting).toBe(12 - load.limit);
    expect(await Promise.all(burst)).toEqual([true, ...Array(11).fill(false)]);
    expect(passwordHashLoad()).toMatchObject({ running: 0, waiting: 0 });
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitive email", async () => {
    expect(
      await verifyCredentials(database.db, { email: "REP@org.example ", password: "correct horse battery" }),
    ).toMatchObject({ id: userId });
  });

  it.each([
    ["wrong password", { email: "rep@org.example", password: "wrong" }],
    ["unknown email", { email: "nobody@org.example", password: "correct horse battery" }],
    ["malformed email", { email: "not-an-email", password: "x" }],
    ["missing password", { email: "rep@org.example" }],
  ])("rejects %s", async (_case, input) => {
    expect(await verifyCredentials(database.db, input)).toBeNull();
  });

  it("rejects a disabled user, whose existing session also stops resolving to a viewer", async () => {
    const session = (await startAuthSession(database.db, userId, "password", { ip: null, userAgent: null }))!;
    expect(await loadSessionViewer(database.db, session)).toMatchObject({ viewer: { userId, role: "rep" } });
    await database.db.update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, userId));
    expect(
      await verifyCredentials(database.db, { email: "rep@org.example", password: "correct horse battery" }),
    ).toBeNull();
    expect(await loadSessionViewer(database.db, session)).toBeNull();
  });
});

describe("a password set through an invitation link", () => {
  it("signs the invited person in; before it, nothing does", async () => {
    const [admin] = await database.db.select().from(appUser).where(eq(appUser.id, userId));
    const scope = { orgId: admin!.orgId, userId, role: "admin" as const, territoryIds: null };
    const invite = await inviteUser(database.db, scope, { name: "New Rep", email: "new.rep@org.example", role: "rep" });
    const credentials = { email: "new.rep@org.example", password: "a long new passphrase" };
    expect(await verifyCredentials(database.db, credentials)).toBeNull();
    await setPasswordFromLink(database.db, {
      token: invite.token,
      passwordHash: await hashPassword(credentials.password),
    });
    expect(await verifyCredentials(database.db, credentials)).toMatchObject({ id: invite.userId, name: "New Rep" });
    expect(await verifyCredentials(database.db, { ...credentials, password: "a long old passphrase" })).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("needs the current one (a wrong one counts against sign-in), a different new one, and ends every session", async () => {
    const [user] = await database.db.select().from(appUser).where(eq(appUser.email, "new.rep@org.example"));
    const me = { userId: user!.id, orgId: user!.orgId, email: user!.email };
    expect(
      await changeOwnPassword(database.db, me, { current: "not it at all", password: "a third passphrase" }),
    ).toEqual({
      outcome: "refused",
      field: "current",
      message: "That is not your current password.",
    });
    const [counted] = await database.db
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, "sign-in-failures:account:new.rep@org.example"));
    expect(counted?.points).toBeGreaterThan(0);
    expect(
      await changeOwnPassword(database.db, me, { current: "a long new passphrase", password: "a long new passphrase" }),
    ).toMatchObject({ outcome: "refused", field: "password" });
    expect(
      await changeOwnPassword(database.db, me, { current: "a long new passphrase", password: "a third passphrase" }),
    ).toEqual({ outcome: "changed" });
    const [after] = await database.db.select().from(appUser).where(eq(appUser.id, me.userId));
    expect(after!.sessionVersion).toBe(user!.sessionVersion + 1);
    expect(await verifyCredentials(database.db, { email: me.email, password: "a third passphrase" })).not.toBeNull();
    expect(await verifyCredentials(database.db, { email: me.email, password: "a long new passphrase" })).toBeNull();
    expect(await hasOwnPassword(database.db, me.userId)).toBe(true);
  });
});
