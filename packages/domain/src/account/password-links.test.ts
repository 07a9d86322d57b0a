// Invitations and password links: shown once, kept as a hash, used once, lapsing; setting a password through one
// ends the user's sessions and lifts a lockout; admins of the org only.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { appUser, auditEvent, passwordToken, signInThrottle } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { failure } from "../testing/failure";
import { useWorld } from "../testing/world";
import { newPasswordInput } from "./password-link-input";
import {
  claimPasswordLink,
  inviteUser,
  issuePasswordLink,
  passwordLinkState,
  setPasswordFromLink,
} from "./password-links";
import { listOrgUsers, setUserDisabled } from "./users";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);
const HASH = "scrypt$32768$8$1$c2FsdA$aGFzaA";

describe("invitations", () => {
  it("an admin invites a person: an account with no password, and a one-time link kept only as its hash", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const now = new Date("2026-12-05T10:00:00Z");
    const invite = await inviteUser(
      db,
      admin,
      { name: "Nora Field", email: " Nora.Field@Org-A.example ", role: "rep" },
      { now },
    );
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite.expiresAt).toEqual(new Date("2026-12-12T10:00:00Z"));
    const [user] = await db.select().from(appUser).where(eq(appUser.id, invite.userId));
    expect(user).toMatchObject({ email: "nora.field@org-a.example", role: "rep", passwordHash: null, regionId: null });
    const [stored] = await db.select().from(passwordToken).where(eq(passwordToken.userId, invite.userId));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.tokenHash).not.toContain(invite.token);
    expect(await passwordLinkState(db, invite.token, now)).toEqual({
      state: "valid",
      purpose: "invite",
      email: "nora.field@org-a.example",
      name: "Nora Field",
      expiresAt: invite.expiresAt,
    });
    const listed = (await listOrgUsers(db, admin, now)).find((u) => u.id === invite.userId);
    expect(listed).toMatchObject({ passwordSet: false, linkExpiresAt: invite.expiresAt });
    const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.action, "user.invite"));
    expect(JSON.stringify(audit)).not.toContain(invite.token);

    expect(
      await failure(inviteUser(db, admin, { name: "Again", email: "NORA.FIELD@org-a.example", role: "rep" })),
    ).toBe("CONFLICT");
    // Another org's address too: the email is the sign-in name everywhere.
    expect(
      await failure(
        inviteUser(db, await scope("adminB"), { name: "X", email: state.world.viewers.repE1.email, role: "rep" }),
      ),
    ).toBe("CONFLICT");
    expect(await failure(inviteUser(db, admin, { name: "M", email: "m@org-a.example", role: "manager" }))).toBe(
      "ZodError",
    );
    expect(
      await failure(inviteUser(db, await scope("managerEast"), { name: "M", email: "m@org-a.example", role: "rep" })),
    ).toBe("FORBIDDEN");
    const [otherRegion] = await db
      .select({ regionId: appUser.regionId })
      .from(appUser)
      .where(eq(appUser.id, state.world.viewers.managerB.userId));
    expect(
      await failure(
        inviteUser(db, admin, {
          name: "M",
          email: "m@org-a.example",
          role: "manager",
          regionId: otherRegion!.regionId,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await failure(inviteUser(db, admin, { name: "Nul\u0000", email: "n@org-a.example", role: "rep" }))).toBe(
      "ZodError",
    );
    // The server's PLATFORM_OPERATORS are never a tenant's to invite.
    const reserved = { reservedEmails: ["ops@org-a.example"] };
    expect(
      await failure(inviteUser(db, admin, { name: "Op", email: "OPS@org-a.example", role: "rep" }, reserved)),
    ).toBe("CONFLICT");
  });

  it("the link sets the password once, ends the user's sessions and lifts a lockout; used, replaced or lapsed links refuse", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const now = new Date("2026-12-05T10:00:00Z");
    const invite = await inviteUser(
      db,
      admin,
      { name: "Omar Lane", email: "omar@org-a.example", role: "rep" },
      { now },
    );
    await db.insert(signInThrottle).values({ key: "sign-in-failures:account:omar@org-a.example", points: 9 });
    const [before] = await db.select().from(appUser).where(eq(appUser.id, invite.userId));

    expect(await setPasswordFromLink(db, { token: invite.token, passwordHash: HASH }, now)).toEqual({
      email: "omar@org-a.example",
    });
    const [after] = await db.select().from(appUser).where(eq(appUser.id, invite.userId));
    expect(after!.passwordHash).toBe(HASH);
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(
      await db
        .select()
        .from(signInThrottle)
        .where(eq(signInThrottle.key, "sign-in-failures:account:omar@org-a.example")),
    ).toEqual([]);
    expect(await passwordLinkState(db, invite.token, now)).toEqual({ state: "used" });
    expect(await failure(setPasswordFromLink(db, { token: invite.token, passwordHash: HASH }, now))).toBe(
      "BAD_REQUEST",
    );
    const [set] = await db
      .select({ actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.password_set"), eq(auditEvent.entityId, invite.userId)));
    expect(set!.actorId).toBe(invite.userId);

    // A reset link for someone with a password; a second one replaces it; it lapses after 24 hours.
    const first = await issuePasswordLink(db, admin, { userId: invite.userId }, now);
    expect(first.purpose).toBe("reset");
    const second = await issuePasswordLink(db, admin, { userId: invite.userId }, now);
    expect(await passwordLinkState(db, first.token, now)).toEqual({ state: "unknown" });
    const later = new Date(now.getTime() + 24 * 3600_000 + 1);
    expect(await passwordLinkState(db, second.token, later)).toEqual({ state: "expired" });
    expect(await failure(setPasswordFromLink(db, { token: second.token, passwordHash: HASH }, later))).toBe(
      "BAD_REQUEST",
    );
    const third = await issuePasswordLink(db, admin, { userId: invite.userId }, now);
    await setPasswordFromLink(db, { token: third.token, passwordHash: `${HASH}2` }, now);
    const [reset] = await db
      .select({ id: auditEvent.id })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.password_reset"), eq(auditEvent.entityId, invite.userId)));
    expect(reset).toBeDefined();

    expect(await passwordLinkState(db, "not-a-token", now)).toEqual({ state: "unknown" });
    expect(await failure(setPasswordFromLink(db, { token: "x".repeat(43), passwordHash: HASH }, now))).toBe(
      "BAD_REQUEST",
    );
    expect(await failure(issuePasswordLink(db, await scope("adminB"), { userId: invite.userId }))).toBe("NOT_FOUND");
    expect(await failure(issuePasswordLink(db, await scope("repE1"), { userId: invite.userId }))).toBe("FORBIDDEN");

    // No link for oneself (the security page asks for the current password) nor for a platform operator.
    expect(await failure(issuePasswordLink(db, admin, { userId: state.world.viewers.adminA.userId }))).toBe("CONFLICT");
    await db.update(appUser).set({ platformOperator: true }).where(eq(appUser.id, invite.userId));
    expect(await failure(issuePasswordLink(db, admin, { userId: invite.userId }))).toBe("CONFLICT");
    await db.update(appUser).set({ platformOperator: false }).where(eq(appUser.id, invite.userId));

    // A disabled user gets no link, and an outstanding one stops working — also once enabled again.
    const pending = await issuePasswordLink(db, admin, { userId: invite.userId }, now);
    await setUserDisabled(db, admin, { userId: invite.userId, disabled: true });
    expect(await failure(issuePasswordLink(db, admin, { userId: invite.userId }))).toBe("CONFLICT");
    expect(await passwordLinkState(db, pending.token, now)).toEqual({ state: "unknown" });
    expect(await failure(setPasswordFromLink(db, { token: pending.token, passwordHash: HASH }, now))).toBe(
      "BAD_REQUEST",
    );
    await setUserDisabled(db, admin, { userId: invite.userId, disabled: false });
    expect(await passwordLinkState(db, pending.token, now)).toEqual({ state: "unknown" });
  });

  it("a submission claims the link for 30 seconds before hashing: a second one waits", async () => {
    const db = state.database.db;
    const now = new Date();
    const invite = await inviteUser(
      db,
      await scope("adminA"),
      { name: "Quinn Hold", email: "quinn@org-a.example", role: "rep" },
      { now },
    );
    expect(await claimPasswordLink(db, invite.token, now)).toBe(true);
    expect(await claimPasswordLink(db, invite.token, now)).toBe(false);
    expect(await claimPasswordLink(db, invite.token, new Date(now.getTime() + 30_001))).toBe(true);
    expect(await claimPasswordLink(db, "y".repeat(43), now)).toBe(false);
    // A claimed link still sets the password (the claim only spaces the hashing out); then it is used up.
    await setPasswordFromLink(db, { token: invite.token, passwordHash: HASH }, now);
    expect(await claimPasswordLink(db, invite.token, new Date(now.getTime() + 60_000))).toBe(false);
  });

  it("a link used twice at once sets the password once", async () => {
    const db = state.database.db;
    const now = new Date();
    const invite = await inviteUser(
      db,
      await scope("adminA"),
      { name: "Pia Race", email: "pia@org-a.example", role: "rep" },
      { now },
    );
    const outcomes = await Promise.all([
      failure(setPasswordFromLink(db, { token: invite.token, passwordHash: `${HASH}a` }, now)),
      failure(setPasswordFromLink(db, { token: invite.token, passwordHash: `${HASH}b` }, now)),
    ]);
    expect(outcomes.sort()).toEqual(["BAD_REQUEST", "resolved"]);
  });
});

describe("a new password", () => {
  it("is at least 12 characters of more than a few kinds, typed the same twice", () => {
    const token = "x".repeat(43);
    const message = (password: string, confirm = password) =>
      newPasswordInput.safeParse({ token, password, confirm }).error?.issues.map((i) => i.message);
    expect(message("short")).toEqual(["Use at least 12 characters."]);
    expect(message("aaaaaaaaaaaaaaaa")).toEqual(["Use more than a few different characters."]);
    expect(message("correct horse battery", "correct horse batterx")).toEqual(["The two passwords are not the same."]);
    expect(message("correct horse battery")).toBeUndefined();
    expect(
      newPasswordInput.safeParse({ token: "bad", password: "correct horse battery", confirm: "correct horse battery" })
        .success,
    ).toBe(false);
  });
});
