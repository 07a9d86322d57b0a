import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, org, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import type { Viewer } from "@pharmacrm/domain";

import { callerFor, outcome } from "../testing/caller";

let database: Database;
let admin: Viewer;
let rep: Viewer;
let otherAdmin: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  const [a, b] = await database.db
    .insert(org)
    .values([
      { name: "Org", slug: "users-router" },
      { name: "Other", slug: "users-router-other" },
    ])
    .returning();
  const rows = await database.db
    .insert(appUser)
    .values([
      { orgId: a!.id, email: "admin@users.example", name: "Admin", role: "admin" },
      { orgId: a!.id, email: "rep@users.example", name: "Rep", role: "rep" },
      { orgId: b!.id, email: "admin@other-users.example", name: "Other", role: "admin" },
    ])
    .returning();
  const viewer = (i: number): Viewer => ({
    userId: rows[i]!.id,
    orgId: rows[i]!.orgId,
    role: rows[i]!.role,
    name: rows[i]!.name,
    email: rows[i]!.email,
    regionId: null,
    orgName: "",
    orgIsDemo: false,
    platformOperator: false,
  });
  [admin, rep, otherAdmin] = [viewer(0), viewer(1), viewer(2)];
});
afterAll(() => database.close());

describe("users router", () => {
  it("lists the admin's own org only, with the MFA policy (on by default)", async () => {
    const list = await callerFor(database.db, admin).users.list();
    expect(list.users.map((u) => u.email).sort()).toEqual(["admin@users.example", "rep@users.example"]);
    expect(list.policy).toEqual({ requiredForAdmins: true });
  });

  it("refuses a rep every procedure, and another org's admin the org's users", async () => {
    const asRep = callerFor(database.db, rep).users;
    expect(await outcome(() => asRep.list())).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.unlock({ userId: rep.userId }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.changeRole({ userId: rep.userId, role: "admin" }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.setMfaPolicy({ requiredForAdmins: false }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.setTerritories({ userId: rep.userId, territoryIds: [] }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.setCallBackdate({ days: 1 }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.invite({ name: "X", email: "x@example.com", role: "rep" }))).toBe("FORBIDDEN");
    expect(await outcome(() => asRep.passwordLink({ userId: rep.userId }))).toBe("FORBIDDEN");
    expect(await outcome(() => callerFor(database.db, otherAdmin).users.passwordLink({ userId: rep.userId }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(() =>
        callerFor(database.db, null).users.invite({ name: "X", email: "x@example.com", role: "rep" }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(
      await outcome(() =>
        callerFor(database.db, otherAdmin).users.setTerritories({ userId: rep.userId, territoryIds: [] }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => callerFor(database.db, null).users.setCallBackdate({ days: 1 }))).toBe("UNAUTHORIZED");
    expect(
      await outcome(() => callerFor(database.db, otherAdmin).users.setDisabled({ userId: rep.userId, disabled: true })),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => callerFor(database.db, null).users.list())).toBe("UNAUTHORIZED");
  });

  it("a manager needs a region; the org's policy can be turned off (and the change is kept)", async () => {
    expect(
      await outcome(() => callerFor(database.db, admin).users.changeRole({ userId: rep.userId, role: "manager" })),
    ).toBe("BAD_REQUEST");
    await callerFor(database.db, admin).users.setMfaPolicy({ requiredForAdmins: false });
    expect((await callerFor(database.db, admin).users.list()).policy).toEqual({ requiredForAdmins: false });
  });
});
