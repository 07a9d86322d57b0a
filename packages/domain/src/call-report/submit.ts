// Submitting a draft: the rules checked against the database under a lock on the rep's sample stock, then in one
// transaction the call (same id as the draft), its products and samples, the stock's drops, the follow-up task and
// the audit row are written and the draft deleted. A submitted call is read-only; only an admin's unlock reopens it.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";

import {
  callDraft,
  interaction,
  interactionProduct,
  interactionSample,
  product,
  sampleLedger,
  type Db,
} from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { notFound } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import { licenceInPracticeState } from "../interaction/warnings";
import type { Scope } from "../scope";
import { insertTask } from "../task/task";
import { ownDraft, reportOfDraft, saveCallDraft, type DraftBody } from "./drafts";
import { callIdInput, callReportInput, type CallReport, type CallReportInput } from "./input";
import { callReportPolicy } from "./policy";
import { submitProblems, type SubmitFacts, type SubmitProblem } from "./rules";
import { lockStock, lotsByKey, stockLots, unitsGivenInYear } from "./stock";

export type SubmitResult =
  | { status: "submitted"; id: string; followUpTaskId: string | null }
  | { status: "draft"; id: string; problems: SubmitProblem[] };

async function factsFor(
  tx: Db,
  scope: Scope,
  report: CallReport,
  now: Date,
  /** An unlocked call keeps its date: the back-dating limit held when it was first submitted. */
  unlocked: boolean,
): Promise<SubmitFacts> {
  const ids = [...new Set([...report.productIds, ...report.samples.map((s) => s.productId)])];
  const sampledIds = report.samples.map((s) => s.productId);
  const [products, policy, lots, given, licence] = await Promise.all([
    ids.length
      ? tx
          .select()
          .from(product)
          .where(and(eq(product.orgId, scope.orgId), inArray(product.id, ids)))
      : Promise.resolve([]),
    callReportPolicy(tx, scope),
    stockLots(tx, scope.orgId, scope.userId, sampledIds),
    unitsGivenInYear(tx, scope.orgId, report.npi, report.occurredAt.getUTCFullYear(), sampledIds),
    sampledIds.length ? licenceInPracticeState(tx, report.npi) : Promise.resolve(null),
  ]);
  return {
    now,
    backdateDays: unlocked ? null : policy.backdateDays,
    products: new Map(
      products.map((p) => [
        p.id,
        {
          name: p.name,
          active: p.active,
          sampleable: p.sampleable,
          limitPerCall: p.sampleLimitPerCall,
          limitPerYear: p.sampleLimitPerYear,
          givenThisYear: given.get(p.id) ?? 0,
        },
      ]),
    ),
    lots: lotsByKey(lots),
    licence,
  };
}

/** Submits the viewer's own draft, or returns the problems that keep it a draft (nothing written then). */
export async function submitCall(
  db: Db,
  scope: Scope,
  raw: z.input<typeof callIdInput>,
  now = new Date(),
): Promise<SubmitResult> {
  const { id } = callIdInput.parse(raw);
  return db.transaction(async (tx) => {
    const draft = await ownDraft(tx, scope, id, true);
    if (!draft) throw notFound("This draft");
    const parsed = callReportInput.safeParse(reportOfDraft(draft));
    if (!parsed.success)
      return {
        status: "draft",
        id,
        problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      };
    const report = parsed.data;
    // The physician must still be in reach, aligned where they practise today.
    const { territoryId } = await requireHcpInReach(tx, scope, report.npi);
    await lockStock(tx, scope.orgId, scope.userId);
    // The physician's yearly sample limit is shared by every rep: one submit at a time counts it.
    if (report.samples.length)
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext('sample_hcp'), hashtext(${`${scope.orgId}:${report.npi}`}))`,
      );
    const body = draft.body as DraftBody;
    const problems = submitProblems(report, await factsFor(tx, scope, report, now, draft.unlockReason !== null));
    if (problems.length > 0) return { status: "draft", id, problems };

    const [created] = await tx
      .insert(interaction)
      .values({
        id,
        orgId: scope.orgId,
        hcpNpi: report.npi,
        ownerId: scope.userId,
        territoryId,
        channel: report.channel,
        occurredAt: report.occurredAt,
        notes: report.notes || null,
        followUp: report.followUp || null,
        followUpDate: report.followUpDate ?? null,
        signature: report.samples.length ? (report.signature ?? null) : null,
        signedAt: report.samples.length && report.signature ? new Date(body.signedAt ?? now) : null,
        createdAt: now,
      })
      .returning();
    if (report.productIds.length)
      await tx
        .insert(interactionProduct)
        .values(report.productIds.map((productId, i) => ({ interactionId: id, productId, position: i + 1 })));
    if (report.samples.length) {
      await tx.insert(interactionSample).values(report.samples.map((s) => ({ interactionId: id, ...s })));
      await tx.insert(sampleLedger).values(
        report.samples.map((s) => ({
          orgId: scope.orgId,
          ownerId: scope.userId,
          productId: s.productId,
          lotNumber: s.lotNumber,
          kind: "dropped" as const,
          quantity: -s.quantity,
          interactionId: id,
          recordedBy: scope.userId,
        })),
      );
    }
    const followUpTask =
      (report.followUp || report.followUpDate) && !body.followUpTaskMade
        ? await insertTask(tx, scope, {
            npi: report.npi,
            territoryId,
            title: (report.followUp || "Follow up").slice(0, 200),
            details: null,
            dueDate: report.followUpDate ?? null,
          })
        : null;
    await tx.delete(callDraft).where(eq(callDraft.id, id));
    await recordAudit(tx, scope, {
      action: "interaction.submit",
      entityType: "interaction",
      entityId: id,
      after: {
        ...created,
        signature: created!.signature ? "(signed)" : null,
        productIds: report.productIds,
        samples: report.samples,
      },
    });
    return { status: "submitted", id, followUpTaskId: followUpTask?.id ?? null };
  });
}

/**
 * Save and submit in one step (the copilot's approved "log a call"): the call is saved as a draft, then submitted
 * if it passes the rules; otherwise it stays a draft and the problems say what the rep must add (a product
 * discussed, a lot and a signature for samples).
 */
export async function logInteraction(db: Db, scope: Scope, raw: CallReportInput): Promise<SubmitResult> {
  const draft = await saveCallDraft(db, scope, { ...raw, id: undefined });
  return submitCall(db, scope, { id: draft.id });
}
