// Questions pinned to a person's analytics dashboard. Each is the person's own: listed, moved and removed by its owner
// only. The query is validated when pinned and again when read — the model can lose a member a pin named, and that
// pin is then shown with the reason instead of failing the dashboard.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { savedQuestion, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import type { Scope } from "../scope";
import { semanticQuery, type SemanticQuery } from "./query";

export const MAX_PINS = 24;

export const pinInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Give the pinned question a title." })
    .max(120, { error: "Keep the title under 120 characters." })
    .regex(/^[^\r\n]*$/, { error: "Keep the title on one line." }),
  query: semanticQuery,
  /** Shared with the org as it is saved (the same transaction: never saved and left unshared by a failure). */
  shared: z.boolean().default(false),
});
export const pinIdInput = z.object({ id: z.uuid({ error: "That is not a pinned question." }) });
export const movePinInput = pinIdInput.extend({ direction: z.enum(["up", "down"]) });

export type Pin = { id: string; title: string } & (
  { query: SemanticQuery; problem: null } | { query: null; problem: string }
);

/** A saved question as read back: its query validated against today's model, or the reason it no longer runs. */
export function readSaved(row: { id: string; title: string; query: unknown }): Pin {
  const parsed = semanticQuery.safeParse(row.query);
  return parsed.success
    ? { id: row.id, title: row.title, query: parsed.data, problem: null }
    : {
        id: row.id,
        title: row.title,
        query: null,
        problem: "This question names something the analytics model no longer has. Remove it and ask again.",
      };
}

/** A question on the person's own dashboard, with whether they shared it and whether it is certified. */
export type SavedQuestion = Pin & { shared: boolean; certified: boolean };

const mine = (scope: Scope) => and(eq(savedQuestion.orgId, scope.orgId), eq(savedQuestion.ownerId, scope.userId));

export async function listPins(db: Db, scope: Scope): Promise<SavedQuestion[]> {
  const rows = await db
    .select({
      id: savedQuestion.id,
      title: savedQuestion.title,
      query: savedQuestion.query,
      sharedAt: savedQuestion.sharedAt,
      certifiedAt: savedQuestion.certifiedAt,
    })
    .from(savedQuestion)
    .where(mine(scope))
    .orderBy(asc(savedQuestion.position), asc(savedQuestion.createdAt));
  return rows.map((row) => ({ ...readSaved(row), shared: row.sharedAt !== null, certified: row.certifiedAt !== null }));
}

export async function pinQuestion(db: Db, scope: Scope, raw: z.input<typeof pinInput>): Promise<{ id: string }> {
  const input = pinInput.parse(raw);
  return db.transaction(async (tx) => {
    // One pin at a time per person: the count and the next place are read under the person's row lock.
    await tx.execute(sql`select 1 from app_user where id = ${scope.userId} for update`);
    const [{ pins, last }] = (await tx
      .select({ pins: sql<number>`count(*)::int`, last: sql<number | null>`max(${savedQuestion.position})` })
      .from(savedQuestion)
      .where(mine(scope))) as [{ pins: number; last: number | null }];
    if (pins >= MAX_PINS) {
      throw new DomainError(
        "CONFLICT",
        `Your dashboard holds ${MAX_PINS} pinned questions. Remove one before pinning another.`,
      );
    }
    const [created] = await tx
      .insert(savedQuestion)
      .values({
        orgId: scope.orgId,
        ownerId: scope.userId,
        title: input.title,
        query: input.query,
        position: (last ?? 0) + 1,
        sharedAt: input.shared ? new Date() : null,
      })
      .returning({ id: savedQuestion.id, sharedAt: savedQuestion.sharedAt });
    if (created!.sharedAt)
      await recordAudit(tx, scope, {
        action: "question.share",
        entityType: "saved_question",
        entityId: created!.id,
        after: { title: input.title, sharedAt: created!.sharedAt },
      });
    return { id: created!.id };
  });
}

export async function unpinQuestion(db: Db, scope: Scope, raw: z.input<typeof pinIdInput>): Promise<void> {
  const { id } = pinIdInput.parse(raw);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(savedQuestion)
      .where(and(eq(savedQuestion.id, id), mine(scope)))
      .returning();
    if (!removed) throw notFound("The pinned question");
    // A shared question leaves the org's list with it: that is audited, like its sharing.
    if (removed.sharedAt)
      await recordAudit(tx, scope, {
        action: "question.delete",
        entityType: "saved_question",
        entityId: id,
        before: {
          title: removed.title,
          sharedAt: removed.sharedAt,
          certifiedAt: removed.certifiedAt,
          certifiedById: removed.certifiedById,
        },
      });
  });
}

/** Swaps a pin with its neighbour above or below; at either end nothing moves. */
export async function movePin(db: Db, scope: Scope, raw: z.input<typeof movePinInput>): Promise<void> {
  const { id, direction } = movePinInput.parse(raw);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from app_user where id = ${scope.userId} for update`);
    const pins = await tx
      .select({ id: savedQuestion.id, position: savedQuestion.position })
      .from(savedQuestion)
      .where(mine(scope))
      .orderBy(asc(savedQuestion.position), asc(savedQuestion.createdAt));
    const at = pins.findIndex((p) => p.id === id);
    if (at < 0) throw notFound("The pinned question");
    const other = pins[direction === "up" ? at - 1 : at + 1];
    if (!other) return;
    // Positions are renumbered 1..n in the new order, so ties from older rows cannot make a move a no-op.
    const order = pins.map((p) => p.id);
    order[at] = other.id;
    order[pins.indexOf(other)] = id;
    for (const [i, pinId] of order.entries()) {
      await tx
        .update(savedQuestion)
        .set({ position: i + 1 })
        .where(eq(savedQuestion.id, pinId));
    }
  });
}
