// The platform-operator role is granted on the server only (CLI, PLATFORM_OPERATORS), by email, and every change is
// in the audit trail of the person's org with no actor.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, auditEvent, org, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import {
  applyPlatformOperators,
  isPlatformOperator,
  listPlatformOperators,
  setPlatformOperator,
  UnknownUserError,
} from "./platform-operator";

let database: Database;
let orgId: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [tenant] = await database.db.insert(org).values({ name: "Tenant", slug: "tenant" }).returning();
  orgId = tenant!.id;
  const [user] = await database.db
    .insert(appUser)
    .values({ orgId, email: "ops@tenant.example", name: "Olive Operator", role: "admin" })
    .returning();
  userId = user!.id;
});
afterAll(() => database?.close());

const flag = async () =>
  (await database.db.select({ on: appUser.platformOperator }).from(appUser).where(eq(appUser.id, userId)))[0]!.on;
const trail = () =>
  database.db
    .select({
      orgId: auditEvent.orgId,
      actorId: auditEvent.actorId,
      action: auditEvent.action,
      entityId: auditEvent.entityId,
      after: auditEvent.after,
    })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, "app_user"), eq(auditEvent.entityId, userId)))
    .orderBy(asc(auditEvent.id));

describe("setPlatformOperator", () => {
  it("grants by email, whatever its case, once, in the audit trail of the user's org", async () => {
    expect(await setPlatformOperator(database.db, " OPS@Tenant.example ", true, "cli")).toEqual({
      userId,
      email: "ops@tenant.example",
      platformOperator: true,
      changed: true,
    });
    expect(await flag()).toBe(true);
    expect(await setPlatformOperator(database.db, "ops@tenant.example", true, "cli")).toMatchObject({ changed: false });
    expect(await trail()).toEqual([
      {
        orgId,
        actorId: null,
        action: "platform_operator.grant",
        entityId: userId,
        after: { platformOperator: true, via: "cli" },
      },
    ]);
    expect(await listPlatformOperators(database.db)).toEqual([
      { email: "ops@tenant.example", name: "Olive Operator", disabled: false },
    ]);
  });

  it("revokes", async () => {
    expect(await setPlatformOperator(database.db, "ops@tenant.example", false, "cli")).toMatchObject({
      platformOperator: false,
      changed: true,
    });
    expect(await flag()).toBe(false);
    expect((await trail()).map((event) => event.action)).toEqual([
      "platform_operator.grant",
      "platform_operator.revoke",
    ]);
  });

  it("says when no user has the email", async () => {
    await expect(setPlatformOperator(database.db, "nobody@tenant.example", true, "cli")).rejects.toBeInstanceOf(
      UnknownUserError,
    );
  });
});

describe("applyPlatformOperators (PLATFORM_OPERATORS at start)", () => {
  it("grants the listed users who exist and names the emails that match nobody", async () => {
    expect(await applyPlatformOperators(database.db, ["ops@tenant.example", "later@tenant.example"])).toEqual({
      granted: ["ops@tenant.example"],
      unknown: ["later@tenant.example"],
    });
    expect(await flag()).toBe(true);
    expect((await trail()).at(-1)).toMatchObject({ action: "platform_operator.grant", after: { via: "env" } });
    expect(await applyPlatformOperators(database.db, ["ops@tenant.example"])).toEqual({ granted: [], unknown: [] });
  });
});

describe("isPlatformOperator", () => {
  it("reads the viewer's flag; being an admin is not enough", () => {
    expect(isPlatformOperator({ platformOperator: true })).toBe(true);
    expect(isPlatformOperator({ platformOperator: false })).toBe(false);
    expect(isPlatformOperator(null)).toBe(false);
  });
});
