// Draft call reports: the rep's own working copies, saved as often as they like, deleted when no longer wanted.
// Nothing counts a draft (analytics, plans, briefs read submitted calls only); a draft becomes a call on submit.
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";

import { callDraft, interaction, product, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import type { Scope } from "../scope";
import { callIdInput, callReportInput, type CallReport, type CallReportInput } from "./input";

/** The form's fields kept in call_draft.body (the rest are columns), and what the server keeps beside them. */
export type DraftBody = {
  productIds: string[];
  samples: CallReport["samples"];
  notes: string | null;
  followUp: string | null;
  followUpDate: string | null;
  signature: number[][] | null;
  /** When the physician signed (the save that first carried this signature), ISO. */
  signedAt?: string | null;
  /** The follow-up task was made when the call was first submitted (an unlocked call): not made again. */
  followUpTaskMade?: boolean;
};

const sameSamples = (a: CallReport["samples"], b: CallReport["samples"]) =>
  JSON.stringify(a.map((s) => [s.productId, s.lotNumber, s.quantity]).sort()) ===
  JSON.stringify(b.map((s) => [s.productId, s.lotNumber, s.quantity]).sort());

/**
 * The body to store: a signature acknowledges the samples it was given for, so a signature carried over unchanged
 * from before while the samples changed is dropped (the physician signs again); a new signature is dated now.
 */
export function draftBody(r: CallReport, before: DraftBody | null = null, now = new Date()): DraftBody {
  const carried = Boolean(
    r.signature && before?.signature && JSON.stringify(r.signature) === JSON.stringify(before.signature),
  );
  const signature = carried && !sameSamples(r.samples, before!.samples) ? null : (r.signature ?? null);
  return {
    productIds: r.productIds,
    samples: r.samples,
    notes: r.notes ?? null,
    followUp: r.followUp ?? null,
    followUpDate: r.followUpDate ?? null,
    signature,
    signedAt: signature ? (carried ? (before!.signedAt ?? null) : now.toISOString()) : null,
    followUpTaskMade: before?.followUpTaskMade ?? false,
  };
}

type DraftRow = typeof callDraft.$inferSelect;

/** A stored draft read back as a call report (what the form edits and submit checks). */
export function reportOfDraft(row: DraftRow): CallReport {
  const body = row.body as Partial<DraftBody>;
  return {
    id: row.id,
    npi: row.hcpNpi,
    channel: row.channel,
    occurredAt: row.occurredAt,
    productIds: body.productIds ?? [],
    samples: body.samples ?? [],
    notes: body.notes ?? undefined,
    followUp: body.followUp ?? undefined,
    followUpDate: body.followUpDate ?? undefined,
    signature: body.signature ?? undefined,
  };
}

/** Every product named must be an active product of the org (sampleability is a submit rule, with its words). */
export async function requireOwnProducts(db: Db, scope: Scope, report: CallReport) {
  const ids = [...new Set([...report.productIds, ...report.samples.map((s) => s.productId)])];
  if (ids.length === 0) return;
  const owned = await db
    .select({ id: product.id })
    .from(product)
    .where(and(eq(product.orgId, scope.orgId), eq(product.active, true), inArray(product.id, ids)));
  if (owned.length !== ids.length)
    throw new DomainError("BAD_REQUEST", "One of the products is not an active product of your organisation.");
}

/** The viewer's own draft, locked for the transaction when `forUpdate`. */
export async function ownDraft(db: Db, scope: Scope, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(callDraft)
    .where(and(eq(callDraft.id, id), eq(callDraft.orgId, scope.orgId), eq(callDraft.ownerId, scope.userId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

async function requireNotSubmitted(db: Db, scope: Scope, id: string) {
  const [submitted] = await db
    .select({ id: interaction.id })
    .from(interaction)
    .where(and(eq(interaction.id, id), eq(interaction.orgId, scope.orgId)));
  if (submitted) throw new DomainError("CONFLICT", "This call is submitted and locked; it can no longer be edited.");
}

/** Saves a new draft or the viewer's existing one (by id); the physician must be in the viewer's reach. */
export async function saveCallDraft(db: Db, scope: Scope, raw: CallReportInput) {
  const report = callReportInput.parse(raw);
  const { territoryId } = await requireHcpInReach(db, scope, report.npi);
  await requireOwnProducts(db, scope, report);
  return db.transaction(async (tx) => {
    const values = {
      hcpNpi: report.npi,
      territoryId,
      channel: report.channel,
      occurredAt: report.occurredAt,
      updatedAt: new Date(),
    };
    let row: DraftRow;
    if (report.id) {
      const before = await ownDraft(tx, scope, report.id, true);
      if (!before) {
        await requireNotSubmitted(tx, scope, report.id);
        throw notFound("This draft");
      }
      [row] = (await tx
        .update(callDraft)
        .set({ ...values, body: draftBody(report, before.body as DraftBody) })
        .where(eq(callDraft.id, report.id))
        .returning()) as [DraftRow];
    } else {
      [row] = (await tx
        .insert(callDraft)
        .values({ ...values, body: draftBody(report), orgId: scope.orgId, ownerId: scope.userId })
        .returning()) as [DraftRow];
    }
    await recordAudit(tx, scope, {
      action: report.id ? "call_draft.update" : "call_draft.create",
      entityType: "call_draft",
      entityId: row.id,
      after: { ...row, body: { ...row.body, signature: report.signature ? "(signed)" : null } },
    });
    return row;
  });
}

export async function deleteCallDraft(db: Db, scope: Scope, raw: z.input<typeof callIdInput>) {
  const { id } = callIdInput.parse(raw);
  return db.transaction(async (tx) => {
    const before = await ownDraft(tx, scope, id, true);
    if (!before) {
      await requireNotSubmitted(tx, scope, id);
      throw notFound("This draft");
    }
    await tx.delete(callDraft).where(eq(callDraft.id, id));
    await recordAudit(tx, scope, {
      action: "call_draft.delete",
      entityType: "call_draft",
      entityId: id,
      before: { ...before, body: { ...before.body, signature: null } },
    });
    return { id };
  });
}
