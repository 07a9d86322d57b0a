// One call as its page shows it: a draft (its owner only, editable) or a submitted call (whoever may see the row,
// read-only; an admin may unlock it). Products and samples by name, the signature's strokes, who and when.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";

import { appUser, hcp, interaction, type Db } from "@pharmacrm/db";

import { notFound } from "../errors";
import { displayName } from "../hcp/names";
import { callLines, productNames } from "../interaction/lines";
import { visibleTenantRow, type Scope } from "../scope";
import { ownDraft, reportOfDraft } from "./drafts";
import { callIdInput } from "./input";

async function physicianOf(db: Db, npi: string) {
  const [row] = await db.select({ firstName: hcp.firstName, lastName: hcp.lastName }).from(hcp).where(eq(hcp.npi, npi));
  return row ? displayName(row) : npi;
}

export async function getCall(db: Db, scope: Scope, raw: z.input<typeof callIdInput>) {
  const { id } = callIdInput.parse(raw);
  const draft = await ownDraft(db, scope, id);
  if (draft) {
    const report = reportOfDraft(draft);
    const names = await productNames(db, scope.orgId, [
      ...report.productIds,
      ...report.samples.map((s) => s.productId),
    ]);
    return {
      status: "draft" as const,
      id,
      report,
      physician: await physicianOf(db, draft.hcpNpi),
      owner: null,
      products: report.productIds.map((p) => ({ id: p, name: names.get(p) ?? "" })),
      samples: report.samples.map((s) => ({ ...s, product: names.get(s.productId) ?? "" })),
      unlockReason: draft.unlockReason,
      savedAt: draft.updatedAt,
      submittedAt: null,
      signedAt: null,
      canUnlock: false,
    };
  }
  const [call] = await db
    .select({ call: interaction, owner: appUser.name })
    .from(interaction)
    .innerJoin(appUser, eq(appUser.id, interaction.ownerId))
    .where(
      and(
        eq(interaction.id, id),
        visibleTenantRow(scope, {
          orgId: interaction.orgId,
          territoryId: interaction.territoryId,
          ownerId: interaction.ownerId,
        }),
      ),
    );
  if (!call) throw notFound("This call");
  const c = call.call;
  const { products, samples } = await callLines(db, [id]);
  return {
    status: "submitted" as const,
    id,
    report: {
      id,
      npi: c.hcpNpi,
      channel: c.channel,
      occurredAt: c.occurredAt,
      productIds: products.map((p) => p.id),
      samples: samples.map((s) => ({ productId: s.productId, lotNumber: s.lotNumber ?? "", quantity: s.quantity })),
      notes: c.notes ?? undefined,
      followUp: c.followUp ?? undefined,
      followUpDate: c.followUpDate ?? undefined,
      signature: c.signature ?? undefined,
    },
    physician: await physicianOf(db, c.hcpNpi),
    owner: call.owner,
    products: products.map((p) => ({ id: p.id, name: p.name })),
    samples: samples.map((s) => ({
      productId: s.productId,
      product: s.name,
      lotNumber: s.lotNumber ?? "",
      quantity: s.quantity,
    })),
    unlockReason: null,
    savedAt: c.createdAt,
    submittedAt: c.createdAt,
    signedAt: c.signedAt,
    canUnlock: scope.role === "admin",
  };
}
