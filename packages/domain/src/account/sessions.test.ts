import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, auditEvent, org, region, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import type { Scope } from "../scope";
import { loadSessionViewer } from "../viewer";
import {
  endAuthSession,
  SESSION_LIFETIME_SECONDS,
  signOutEverywhere,
  startAuthSession,
  type SessionClaims,
} from "./sessions";
import { changeUserRole, setUserDisabled } from "./users";

let database: Database;
let orgId: string;
let regionId: string;
let adminId: string;
let repId: string;
const context = { ip: "198.51.100.4", userAgent: "test" };

beforeAll(async () => {
  database = await createTestDatabase();
  const [o] = await database.db.insert(org).values({ name: "Org", slug: "sessions-org" }).returning();
  orgId = o!.id;
  const [r] = await database.db.insert(region).values({ orgId, name: "North" }).returning();
  regionId = r!.id;
  const [admin, rep] = await database.db
    .insert(appUser)
    .values([
      { orgId, email: "admin@sessions.example", name: "Admin", role: "admin" },
      { orgId, email: "rep@sessions.example", name: "Rep", role: "rep" },
    ])
    .returning();
  adminId = admin!.id;
  repId = rep!.id;
});
afterAll(() => database.close());

const adminScope = (): Scope => ({ orgId, userId: adminId, role: "admin", territoryIds: null });
const signIn = async (userId: string): Promise<SessionClaims> =>
  (await startAuthSession(database.db, userId, "password", context))!;
const viewerFor = (claims: SessionClaims, now?: Date) => loadSessionViewer(database.db, claims, now);

describe("server-side sessions", () => {
  it("a token's session resolves to its viewer; signing out ends that session only", async () => {
    const phone = await signIn(repId);
    const laptop = await signIn(repId);
    expect(await viewerFor(phone)).toMatchObject({ viewer: { userId: repId, role: "rep" }, secondFactor: "done" });

    await endAuthSession(database.db, phone.sessionId);
    expect(await viewerFor(phone)).toBeNull();
    expect(await viewerFor(laptop)).not.toBeNull();
    const actions = await database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, repId));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.sign_in", "auth.sign_out"]));
  });

  it("sign out everywhere ends every session of the user; a new sign-in works", async () => {
    const a = await signIn(repId);
    const b = await signIn(repId);
    await signOutEverywhere(database.db, { userId: repId, orgId });
    expect(await viewerFor(a)).toBeNull();
    expect(await viewerFor(b)).toBeNull();
    expect(await viewerFor(await signIn(repId))).not.toBeNull();
  });

  it("a token naming another user, an unknown session or an old session version is refused", async () => {
    const claims = await signIn(repId);
    expect(await viewerFor({ ...claims, userId: adminId })).toBeNull();
    expect(await viewerFor({ ...claims, sessionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await viewerFor({ ...claims, sessionVersion: claims.sessionVersion - 1 })).toBeNull();
  });

  it("a session ends a working day after sign-in however active it was", async () => {
    const claims = await signIn(repId);
    const later = new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000 + 1000);
    expect(await viewerFor(claims, later)).toBeNull();
  });

  it("a role change takes effect at once: the old session is refused, a new one carries the new role (audited)", async () => {
    const before = await signIn(repId);
    await changeUserRole(database.db, adminScope(), { userId: repId, role: "manager", regionId });
    expect(await viewerFor(before)).toBeNull();
    expect(await viewerFor(await signIn(repId))).toMatchObject({ viewer: { role: "manager", regionId } });
    const [row] = await database.db
      .select({ before: auditEvent.before, after: auditEvent.after, actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, repId), eq(auditEvent.action, "user.change_role")));
    expect(row).toMatchObject({ actorId: adminId, before: { role: "rep" }, after: { role: "manager", regionId } });
    await changeUserRole(database.db, adminScope(), { userId: repId, role: "rep" });
  });

  it("disabling a user ends their sessions at once and they cannot start one; enabling lets them sign in again", async () => {
    const claims = await signIn(repId);
    await setUserDisabled(database.db, adminScope(), { userId: repId, disabled: true });
    expect(await viewerFor(claims)).toBeNull();
    expect(await startAuthSession(database.db, repId, "password", context)).toBeNull();
    await setUserDisabled(database.db, adminScope(), { userId: repId, disabled: false });
    expect(await viewerFor(await signIn(repId))).not.toBeNull();
  });

  it("only an admin changes roles; the last admin cannot be demoted or disable themselves", async () => {
    const repScope: Scope = { orgId, userId: repId, role: "rep", territoryIds: [] };
    await expect(changeUserRole(database.db, repScope, { userId: repId, role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(changeUserRole(database.db, adminScope(), { userId: adminId, role: "rep" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(setUserDisabled(database.db, adminScope(), { userId: adminId, disabled: true })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
  });
});
