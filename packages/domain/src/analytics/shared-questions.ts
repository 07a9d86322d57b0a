// Questions shared with the org. The owner of a saved question shares or unshares it; a manager or admin certifies a
// shared question as one of the org's standard questions, and certified ones are listed first. Sharing shares the
// question, never its figures: whoever opens it runs it for their own scope. Every change is audited; an admin may
// also take someone's question off the shared list.
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";

import { appUser, savedQuestion, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import type { Scope } from "../scope";
import { pinIdInput, readSaved, type Pin } from "./pins";
import type { SemanticQuery } from "./query";

export const shareInput = pinIdInput.extend({ shared: z.boolean() });
export const certifyInput = pinIdInput.extend({ certified: z.boolean() });

export type SharedQuestion = Pin & {
  owner: string;
  mine: boolean;
  sharedAt: Date;
  certified: { by: string; at: Date } | null;
};

const certifier = alias(appUser, "certifier");

export async function listSharedQuestions(db: Db, scope: Scope): Promise<SharedQuestion[]> {
  const rows = await db
    .select({
      id: savedQuestion.id,
      title: savedQuestion.title,
      query: savedQuestion.query,
      ownerId: savedQuestion.ownerId,
      owner: appUser.name,
      sharedAt: savedQuestion.sharedAt,
      certifiedAt: savedQuestion.certifiedAt,
      certifiedBy: certifier.name,
    })
    .from(savedQuestion)
    .innerJoin(appUser, eq(appUser.id, savedQuestion.ownerId))
    .leftJoin(certifier, eq(certifier.id, savedQuestion.certifiedById))
    .where(and(eq(savedQuestion.orgId, scope.orgId), isNotNull(savedQuestion.sharedAt)))
    .orderBy(sql`${savedQuestion.certifiedAt} is null`, asc(savedQuestion.title), asc(savedQuestion.id));
  return rows.map((row) => ({
    ...readSaved(row),
    owner: row.owner,
    mine: row.ownerId === scope.userId,
    sharedAt: row.sharedAt!,
    certified: row.certifiedAt ? { by: row.certifiedBy ?? "—", at: row.certifiedAt } : null,
  }));
}

async function lockQuestion(tx: Db, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(savedQuestion)
    .where(and(eq(savedQuestion.id, id), eq(savedQuestion.orgId, scope.orgId)))
    .for("update");
  if (!row) throw notFound("The question");
  return row;
}

export async function shareQuestion(db: Db, scope: Scope, raw: z.input<typeof shareInput>): Promise<void> {
  const { id, shared } = shareInput.parse(raw);
  await db.transaction(async (tx) => {
    const before = await lockQuestion(tx, scope, id);
    const mine = before.ownerId === scope.userId;
    // Someone else's question is not theirs to see unless shared; an admin may only take it off the shared list.
    if (!mine && (before.sharedAt === null || shared || scope.role !== "admin")) {
      if (before.sharedAt === null) throw notFound("The question");
      throw forbidden("Only the person who saved this question can share it, and an admin can unshare it.");
    }
    if ((before.sharedAt !== null) === shared) return;
    const [after] = await tx
      .update(savedQuestion)
      .set(
        shared
          ? { sharedAt: new Date() }
          : // Unsharing withdraws the certification: a question off the list is no longer the org's standard.
            { sharedAt: null, certifiedAt: null, certifiedById: null },
      )
      .where(eq(savedQuestion.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: shared ? "question.share" : "question.unshare",
      entityType: "saved_question",
      entityId: id,
      before: {
        title: before.title,
        ownerId: before.ownerId,
        sharedAt: before.sharedAt,
        certifiedAt: before.certifiedAt,
        certifiedById: before.certifiedById,
      },
      after: { title: after!.title, sharedAt: after!.sharedAt, certifiedAt: after!.certifiedAt },
    });
  });
}

export async function certifyQuestion(db: Db, scope: Scope, raw: z.input<typeof certifyInput>): Promise<void> {
  const { id, certified } = certifyInput.parse(raw);
  if (scope.role === "rep") throw forbidden("Only a manager or an admin certifies the org's questions.");
  await db.transaction(async (tx) => {
    const before = await lockQuestion(tx, scope, id);
    if (before.sharedAt === null) {
      if (before.ownerId !== scope.userId) throw notFound("The question");
      throw new DomainError("CONFLICT", "Share the question with the org before certifying it.");
    }
    if (certified && !readSaved(before).query)
      throw new DomainError(
        "CONFLICT",
        "This question names something the analytics model no longer has: it cannot be certified.",
      );
    if ((before.certifiedAt !== null) === certified) return;
    const [after] = await tx
      .update(savedQuestion)
      .set(
        certified
          ? { certifiedAt: new Date(), certifiedById: scope.userId }
          : { certifiedAt: null, certifiedById: null },
      )
      .where(eq(savedQuestion.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: certified ? "question.certify" : "question.uncertify",
      entityType: "saved_question",
      entityId: id,
      before: { title: before.title, certifiedAt: before.certifiedAt, certifiedById: before.certifiedById },
      after: { title: after!.title, certifiedAt: after!.certifiedAt, certifiedById: after!.certifiedById },
    });
  });
}

export interface CertifiedQuestion {
  title: string;
  query: SemanticQuery;
}

/** The org's certified questions that still run, for the copilot to answer them as certified (most recent first). */
export async function certifiedQuestions(db: Db, orgId: string): Promise<CertifiedQuestion[]> {
  const rows = await db
    .select({ id: savedQuestion.id, title: savedQuestion.title, query: savedQuestion.query })
    .from(savedQuestion)
    .where(and(eq(savedQuestion.orgId, orgId), isNotNull(savedQuestion.certifiedAt)))
    .orderBy(desc(savedQuestion.certifiedAt))
    .limit(50);
  return rows.map(readSaved).flatMap((q) => (q.query ? [{ title: q.title, query: q.query }] : []));
}
