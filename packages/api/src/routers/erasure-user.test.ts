// audit.erase of a former user: their name, email, password, sessions and chats are replaced; the records they made
// stay, so counts and reports are unchanged; the erasure is audited.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  appUser,
  auditEvent,
  authSession,
  conversation,
  copilotPendingAction,
  interaction,
  mfaRecoveryCode,
  passwordToken,
  savedQuestion,
  signInThrottle,
  userMfa,
} from "@pharmacrm/db";
import { ERASED_PENDING_ACTION } from "@pharmacrm/domain";
import type { PersonKey } from "@pharmacrm/domain/testing";

import { outcome } from "../testing/caller";
import { useErasureWorld } from "../testing/erasure-fixtures";

const erasure = useErasureWorld();
const { api, db, marker } = erasure;

describe("audit.erase of a former user", () => {
  it("refuses an active user, another org's user, yourself and a wrong email", async () => {
    const { viewers } = erasure.world;
    const erase = (person: PersonKey, target: PersonKey, confirmation = viewers[target].email) =>
      outcome(() => api(person).audit.erase({ kind: "user", userId: viewers[target].userId, confirmation }));
    expect(await erase("adminA", "repW1")).toBe("CONFLICT");
    expect(await erase("adminA", "repB1")).toBe("NOT_FOUND");
    expect(await erase("adminA", "adminA")).toBe("CONFLICT");
    expect(await erase("managerEast", "repW1")).toBe("FORBIDDEN");
    await db().update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, viewers.repW1.userId));
    expect(await erase("adminA", "repW1", "someone@else.example")).toBe("BAD_REQUEST");
  });

  it("replaces their name, email and password, ends their sessions, keeps the records they made", async () => {
    const { viewers } = erasure.world;
    const id = viewers.repE1.userId;
    await db().update(appUser).set({ disabledAt: new Date(), passwordHash: "scrypt$abc" }).where(eq(appUser.id, id));
    const orgId = viewers.repE1.orgId;
    await db().insert(userMfa).values({ userId: id, orgId, secretEncrypted: "v1:secret", confirmedAt: new Date() });
    await db()
      .insert(passwordToken)
      .values({
        orgId,
        userId: id,
        purpose: "reset",
        tokenHash: "a".repeat(64),
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    await db()
      .insert(mfaRecoveryCode)
      .values([
        { userId: id, orgId, codeHash: "h1" },
        { userId: id, orgId, codeHash: "h2" },
      ]);
    await db()
      .insert(authSession)
      .values({
        userId: id,
        orgId,
        method: "password",
        ip: "203.0.113.9",
        userAgent: "Firefox",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    await db()
      .insert(signInThrottle)
      .values({ key: `sign-in-failures:account:${viewers.repE1.email}`, points: 3 });
    await db()
      .insert(savedQuestion)
      .values({ orgId, ownerId: id, title: "My calls by month", query: { measures: ["Calls.count"] }, position: 1 });
    const [before] = await db().select().from(appUser).where(eq(appUser.id, id));
    const [callsBefore] = await db().select({ n: count() }).from(interaction).where(eq(interaction.ownerId, id));

    const result = await api("adminA").audit.erase({
      kind: "user",
      userId: id,
      confirmation: viewers.repE1.email.toUpperCase(),
    });
    expect(result).toEqual({
      kind: "user",
      subject: id,
      marker,
      counts: {
        app_user: 1,
        user_mfa: 1,
        mfa_recovery_code: 2,
        password_token: 1,
        auth_session: 1,
        conversation_message: 2,
        conversation: 1,
        copilot_pending_action: 3,
        saved_question: 1,
      },
    });
    expect(await db().select().from(savedQuestion).where(eq(savedQuestion.ownerId, id))).toEqual([]);

    const [after] = await db().select().from(appUser).where(eq(appUser.id, id));
    expect(after).toMatchObject({
      name: "Erased user",
      email: `erased-${id}@erased.invalid`,
      passwordHash: null,
      role: "rep",
      orgId: before!.orgId,
    });
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await db().select().from(userMfa).where(eq(userMfa.userId, id))).toEqual([]);
    expect(await db().select().from(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, id))).toEqual([]);
    const [session] = await db().select().from(authSession).where(eq(authSession.userId, id));
    expect(session).toMatchObject({ ip: null, userAgent: null, method: "password" });
    expect(session!.revokedAt).toBeInstanceOf(Date);
    expect(await db().select().from(signInThrottle)).toEqual([]);
    expect((await db().select({ n: count() }).from(interaction).where(eq(interaction.ownerId, id)))[0]).toEqual(
      callsBefore,
    );
    const [chat] = await db().select().from(conversation).where(eq(conversation.userId, id));
    expect(chat!.title).toBe(marker);
    const writes = await db().select().from(copilotPendingAction).where(eq(copilotPendingAction.userId, id));
    expect(writes.map((w) => w.input)).toEqual([{ erased: marker }, { erased: marker }, { erased: marker }]);
    expect(writes.find((w) => w.id === erasure.seeded.pendingIds.other)).toMatchObject({
      status: "expired",
      reason: ERASED_PENDING_ACTION,
    });
    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "person.erase"), eq(auditEvent.entityType, "app_user")));
    expect(event).toMatchObject({ entityId: id, actorId: viewers.adminA.userId, after: { counts: result.counts } });
    expect(JSON.stringify(event!.after)).not.toContain(before!.email);

    expect(
      await outcome(() => api("adminA").audit.erase({ kind: "user", userId: id, confirmation: after!.email })),
    ).toBe("CONFLICT");
    const facets = await api("adminA").audit.facets();
    expect(facets.people.find((p) => p.id === id)).toMatchObject({ former: true, erased: true, name: "Erased user" });
  });
});
