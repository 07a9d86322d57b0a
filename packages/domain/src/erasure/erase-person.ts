// Erasure by anonymisation. Audit integrity comes before deletion: an erased person's rows stay (so every count and
// report still adds up, and the audit trail still points at real rows), but the free text and contact details the
// org holds about them are overwritten with a dated marker. What is never touched:
// - public reference data (hcp, NPPES, Part D, Open Payments): it is published by CMS, not held by the org;
// - audit_event: its before/after payloads may still quote the old text. They are the compliance record, cannot be
//   rewritten (append-only, hash-chained), and are visible to the org's admins only;
// - copilot_turn: the audit record of the copilot (tool inputs name NPIs, not text about the person).
// For an HCP it overwrites the org's own rows keyed by that NPI; for a former user (disabled first) the user row's
// name, email and password, their second factor and sign-in traces, and the text of their copilot conversations. Calls, tasks and consents that user
// recorded are the org's records about HCPs and stay as they are, attributed to "Erased user".
// Both also cover the copilot's proposed writes (copilot_pending_action): their stored tool input (notes, task
// details) is replaced like a chat message, and one still waiting for approval is closed, so nothing is written from it.
import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

import {
  appUser,
  authSession,
  callDraft,
  consentRecord,
  conversation,
  conversationMessage,
  copilotPendingAction,
  hcp,
  hcpAttribute,
  interaction,
  mfaRecoveryCode,
  nbaDecision,
  outreachDraft,
  passwordToken,
  savedQuestion,
  signInThrottle,
  task,
  userMfa,
  type Db,
} from "@pharmacrm/db";

import { throttleKeys, throttleSubject } from "../account/throttle-keys";
import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import type { Scope } from "../scope";
import { npiField } from "../validation";

export const erasePersonInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hcp"),
    npi: npiField(),
    /** The admin types the NPI again. */
    confirmation: z.string().trim().max(320),
  }),
  z.object({
    kind: z.literal("user"),
    userId: z.uuid("Not a user id"),
    /** The admin types the user's email address again. */
    confirmation: z.string().trim().max(320),
  }),
]);
export type ErasePersonInput = z.input<typeof erasePersonInput>;

export interface ErasureResult {
  kind: "hcp" | "user";
  /** The NPI or the user id. */
  subject: string;
  marker: string;
  /** Rows overwritten, by table. */
  counts: Record<string, number>;
}

export const ERASED_USER_NAME = "Erased user";

export const erasureMarker = (now: Date) => `[erased ${now.toISOString().slice(0, 10)}]`;

/** The marker where the column held text; null stays null, so "has notes" still reads true only where there were some. */
const markIfSet = (column: AnyColumn, marker: string) => sql`case when ${column} is null then null else ${marker} end`;

export async function erasePerson(
  db: Db,
  scope: Scope,
  raw: ErasePersonInput,
  now = new Date(),
): Promise<ErasureResult> {
  if (scope.role !== "admin") throw forbidden("Only admins can erase a person.");
  const input = erasePersonInput.parse(raw);
  return input.kind === "hcp"
    ? eraseHcp(db, scope, input.npi, input.confirmation, now)
    : eraseFormerUser(db, scope, input.userId, input.confirmation, now);
}

async function eraseHcp(db: Db, scope: Scope, npi: string, confirmation: string, now: Date): Promise<ErasureResult> {
  if (confirmation !== npi)
    throw new DomainError("BAD_REQUEST", "Type the physician's NPI exactly to confirm the erasure.");
  const [exists] = await db.select({ npi: hcp.npi }).from(hcp).where(eq(hcp.npi, npi)).limit(1);
  if (!exists) throw notFound(`Physician with NPI ${npi}`);
  const marker = erasureMarker(now);
  const org = scope.orgId;
  return db.transaction(async (tx) => {
    // Lets the history guards (drizzle/0013) accept this transaction's overwrite of their free-text columns.
    await tx.execute(sql`set local pharmacrm.erasure = 'on'`);
    const counts: Record<string, number> = {};
    const count = async (table: string, rows: Promise<unknown[]>) => void (counts[table] = (await rows).length);
    await count(
      "interaction",
      tx
        .update(interaction)
        .set({
          notes: markIfSet(interaction.notes, marker),
          followUp: markIfSet(interaction.followUp, marker),
        })
        .where(and(eq(interaction.orgId, org), eq(interaction.hcpNpi, npi)))
        .returning({ id: interaction.id }),
    );
    // Unsubmitted call reports are working copies, counted nowhere: they go whole.
    await count(
      "call_draft",
      tx
        .delete(callDraft)
        .where(and(eq(callDraft.orgId, org), eq(callDraft.hcpNpi, npi)))
        .returning({ id: callDraft.id }),
    );
    await count(
      "task",
      tx
        .update(task)
        .set({ title: marker, details: markIfSet(task.details, marker) })
        .where(and(eq(task.orgId, org), eq(task.hcpNpi, npi)))
        .returning({ id: task.id }),
    );
    await count(
      "hcp_attribute",
      tx
        .update(hcpAttribute)
        // A new time too, so an Undo of an earlier edit (which compares it) cannot write the erased fields back.
        .set({ notes: markIfSet(hcpAttribute.notes, marker), tags: sql`'{}'::text[]`, updatedAt: new Date() })
        .where(and(eq(hcpAttribute.orgId, org), eq(hcpAttribute.hcpNpi, npi)))
        .returning({ npi: hcpAttribute.hcpNpi }),
    );
    await count(
      "consent_record",
      tx
        .update(consentRecord)
        .set({ source: marker, evidence: markIfSet(consentRecord.evidence, marker) })
        .where(and(eq(consentRecord.orgId, org), eq(consentRecord.hcpNpi, npi)))
        .returning({ id: consentRecord.id }),
    );
    await count(
      "nba_decision",
      tx
        .update(nbaDecision)
        .set({ reason: markIfSet(nbaDecision.reason, marker) })
        .where(and(eq(nbaDecision.orgId, org), eq(nbaDecision.hcpNpi, npi)))
        .returning({ id: nbaDecision.id }),
    );
    await count(
      "outreach_draft",
      tx
        .update(outreachDraft)
        .set({ subject: marker, body: marker })
        .where(and(eq(outreachDraft.orgId, org), eq(outreachDraft.hcpNpi, npi)))
        .returning({ id: outreachDraft.id }),
    );
    // Copilot chats are not keyed by NPI: the messages of the org's conversations that name it are overwritten.
    await count(
      "conversation_message",
      tx
        .update(conversationMessage)
        .set({ parts: markerParts(marker) })
        .where(
          and(
            sql`${conversationMessage.conversationId} in (select ${conversation.id} from ${conversation} where ${conversation.orgId} = ${org})`,
            sql`strpos(${conversationMessage.parts}::text, ${npi}) > 0`,
          ),
        )
        .returning({ id: conversationMessage.id }),
    );
    await count(
      "conversation",
      tx
        .update(conversation)
        .set({ title: marker })
        .where(and(eq(conversation.orgId, org), sql`strpos(${conversation.title}, ${npi}) > 0`))
        .returning({ id: conversation.id }),
    );
    // Proposed copilot writes are not keyed by NPI either: the org's whose stored input names it.
    counts.copilot_pending_action = await erasePendingActions(
      tx,
      and(eq(copilotPendingAction.orgId, org), sql`strpos(${copilotPendingAction.input}::text, ${npi}) > 0`),
      marker,
      now,
    );
    await recordAudit(tx, scope, {
      action: "person.erase",
      entityType: "hcp",
      entityId: npi,
      after: { marker, counts },
    });
    return { kind: "hcp" as const, subject: npi, marker, counts };
  });
}

/** A UI message whose only part is the marker: the conversation still shows where a message was. */
const markerParts = (marker: string) => [{ type: "text", text: marker }];

export const ERASED_PENDING_ACTION = "Closed when the person it concerned was erased; nothing was written.";

/**
 * Copilot writes matching `where`: the stored input becomes the marker (no write tool's schema accepts it, so it can
 * never run) and the answer's reason is overwritten; a write still waiting for approval is closed as expired.
 */
async function erasePendingActions(tx: Db, where: SQL | undefined, marker: string, now: Date): Promise<number> {
  const waiting = sql`${copilotPendingAction.status} = 'pending'`;
  const rows = await tx
    .update(copilotPendingAction)
    .set({
      input: { erased: marker },
      reason: sql`case when ${waiting} then ${ERASED_PENDING_ACTION} when ${copilotPendingAction.reason} is null then null else ${marker} end`,
      status: sql`case when ${waiting} then 'expired' else ${copilotPendingAction.status} end`,
      decidedAt: sql`case when ${waiting} then ${now.toISOString()}::timestamptz else ${copilotPendingAction.decidedAt} end`,
    })
    .where(where)
    .returning({ id: copilotPendingAction.id });
  return rows.length;
}

async function eraseFormerUser(
  db: Db,
  scope: Scope,
  userId: string,
  confirmation: string,
  now: Date,
): Promise<ErasureResult> {
  const [user] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, userId), eq(appUser.orgId, scope.orgId)))
    .limit(1);
  // Another org's user is "not found": their existence is not this admin's business.
  if (!user) throw notFound("The user");
  if (user.id === scope.userId) throw new DomainError("CONFLICT", "You cannot erase yourself.");
  if (!user.disabledAt)
    throw new DomainError("CONFLICT", "Only former users can be erased: disable the account first.");
  if (user.name === ERASED_USER_NAME && user.passwordHash === null && user.email.endsWith("@erased.invalid")) {
    throw new DomainError("CONFLICT", "This user has already been erased.");
  }
  if (confirmation.toLowerCase() !== user.email.toLowerCase()) {
    throw new DomainError("BAD_REQUEST", "Type the user's email address exactly to confirm the erasure.");
  }
  const marker = erasureMarker(now);
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    const [erased] = await tx
      .update(appUser)
      .set({
        name: ERASED_USER_NAME,
        // Unique (app_user_email_uq) and undeliverable: .invalid is reserved (RFC 2606).
        email: `erased-${user.id}@erased.invalid`,
        passwordHash: null,
        // Any session still open ends at its next request.
        sessionVersion: sql`${appUser.sessionVersion} + 1`,
      })
      .where(eq(appUser.id, user.id))
      .returning({ id: appUser.id });
    counts.app_user = erased ? 1 : 0;
    // Sign-in traces: the second factor and recovery codes go (credentials of an account that is closed), sessions
    // stay as history without their address and browser, ended if any was still open.
    counts.user_mfa = (
      await tx.delete(userMfa).where(eq(userMfa.userId, user.id)).returning({ id: userMfa.userId })
    ).length;
    counts.mfa_recovery_code = (
      await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, user.id)).returning({ id: mfaRecoveryCode.id })
    ).length;
    counts.password_token = (
      await tx.delete(passwordToken).where(eq(passwordToken.userId, user.id)).returning({ id: passwordToken.id })
    ).length;
    counts.auth_session = (
      await tx
        .update(authSession)
        .set({ ip: null, userAgent: null, revokedAt: sql`coalesce(${authSession.revokedAt}, now())` })
        .where(eq(authSession.userId, user.id))
        .returning({ id: authSession.id })
    ).length;
    // The throttle's counters for the old address are keyed by it.
    await tx
      .delete(signInThrottle)
      .where(inArray(signInThrottle.key, throttleKeys(throttleSubject.account(user.email))));
    const theirs = sql`${conversationMessage.conversationId} in (select ${conversation.id} from ${conversation} where ${conversation.userId} = ${user.id})`;
    counts.conversation_message = (
      await tx
        .update(conversationMessage)
        .set({ parts: markerParts(marker) })
        .where(theirs)
        .returning({ id: conversationMessage.id })
    ).length;
    counts.conversation = (
      await tx
        .update(conversation)
        .set({ title: marker })
        .where(eq(conversation.userId, user.id))
        .returning({ id: conversation.id })
    ).length;
    // Their pinned questions were their own dashboard: they go with the account.
    counts.saved_question = (
      await tx.delete(savedQuestion).where(eq(savedQuestion.ownerId, user.id)).returning({ id: savedQuestion.id })
    ).length;
    counts.copilot_pending_action = await erasePendingActions(
      tx,
      eq(copilotPendingAction.userId, user.id),
      marker,
      now,
    );
    await recordAudit(tx, scope, {
      action: "person.erase",
      entityType: "app_user",
      entityId: user.id,
      after: { marker, counts },
    });
    return { kind: "user" as const, subject: user.id, marker, counts };
  });
}
