// draftOutreach: an email draft to an HCP the viewer may work with. Consent for email (for the product, or for all
// products) comes first: without it nothing is drafted and nothing is saved. The draft quotes only approved claims,
// is checked by compliance/check-draft, saved as an outreach_draft row with its review, audited, and never sent.
import { and, desc, eq, sql } from "drizzle-orm";

import { appUser, interaction, org, outreachDraft, product, rowsOf, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { checkDraft } from "../compliance/check-draft";
import { consentInForce } from "../consent/latest";
import { hcpInReach } from "../hcp/in-reach";
import type { Scope } from "../scope";
import { complianceRulesFor } from "./compliance-rules";
import { composeOutreach } from "./compose";
import { draftOutreachInput, type DraftOutreachInput } from "./input";
import type { OutreachDraft } from "./types";

const day = (d: Date) => d.toISOString().slice(0, 10);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

export type OutreachRefusal = { status: "not_found" | "out_of_scope" | "no_consent" | "invalid"; message: string };

type ProductRow = { id: string; name: string; sampleable: boolean };

/** The org's product in the HCP's busiest market (latest Part D year), if any. */
async function productForHcp(db: Db, scope: Scope, npi: string): Promise<ProductRow | null> {
  const result = await db.execute(sql`
    select pr.id, pr.name, pr.sampleable from product pr
    join market_drug md on md.market_id = pr.market_id and md.org_id = ${scope.orgId}::uuid
    join part_d_prescribing p on p.brand_name = md.brand_name and p.generic_name = md.generic_name and p.npi = ${npi}
    where pr.org_id = ${scope.orgId}::uuid and pr.active
      and p.year = (select max(year) from part_d_prescribing where npi = ${npi})
    group by pr.id, pr.name, pr.sampleable order by sum(p.total_claims) desc, pr.name limit 1`);
  return rowsOf<ProductRow>(result)[0] ?? null;
}

export async function draftOutreach(
  db: Db,
  scope: Scope,
  raw: DraftOutreachInput,
): Promise<OutreachDraft | OutreachRefusal> {
  const input = draftOutreachInput.parse(raw);
  const reach = await hcpInReach(db, scope, input.npi);
  if (reach.status !== "ok") return reach;

  const products = await db
    .select({ id: product.id, name: product.name, sampleable: product.sampleable })
    .from(product)
    .where(and(eq(product.orgId, scope.orgId), eq(product.active, true)));
  let chosen: ProductRow | null;
  if (input.product) {
    chosen = products.find((p) => p.name.toLowerCase() === input.product!.toLowerCase()) ?? null;
    if (!chosen)
      return {
        status: "invalid",
        message: `${input.product} is not one of your organisation's products (${products.map((p) => p.name).join(", ") || "none"}).`,
      };
  } else {
    chosen = await productForHcp(db, scope, input.npi);
  }
  if (input.purpose === "sample_offer" && !chosen)
    return { status: "invalid", message: "Say which product the sample offer is for." };
  if (input.purpose === "sample_offer" && !chosen!.sampleable)
    return { status: "invalid", message: `${chosen!.name} is not a sampleable product.` };

  const consent = await consentInForce(db, scope, input.npi, "email", chosen?.id ?? null);
  const about = chosen ? ` about ${chosen.name}` : "";
  if (!consent) {
    return {
      status: "no_consent",
      message: `${reach.name} has no email consent on record${chosen ? ` for ${chosen.name}` : ""}, so no email was drafted. Record their consent first, or reach them in person or by phone.`,
    };
  }
  if (consent.status !== "granted") {
    return {
      status: "no_consent",
      message: `${reach.name} revoked email consent${consent.productId ? ` for ${chosen!.name}` : ""} on ${day(consent.recordedAt)}, so no email was drafted${about}.`,
    };
  }

  const [rules, [sender], [lastMet]] = await Promise.all([
    complianceRulesFor(db, scope.orgId),
    db
      .select({ name: appUser.name, org: org.name })
      .from(appUser)
      .innerJoin(org, eq(org.id, appUser.orgId))
      .where(eq(appUser.id, scope.userId)),
    db
      .select({ occurredAt: interaction.occurredAt })
      .from(interaction)
      .where(
        and(
          eq(interaction.orgId, scope.orgId),
          eq(interaction.hcpNpi, input.npi),
          eq(interaction.ownerId, scope.userId),
        ),
      )
      .orderBy(desc(interaction.occurredAt))
      .limit(1),
  ]);
  const claims = chosen ? rules.claims.filter((c) => c.productId === chosen.id) : [];
  const composed = composeOutreach({
    purpose: input.purpose,
    salutationName: `Dr ${titleCase(reach.hcp.lastName ?? reach.name)}`,
    product: chosen?.name ?? null,
    claims: claims.map((c) => c.text),
    topic: input.topic ?? null,
    lastMet: lastMet ? day(lastMet.occurredAt) : null,
    sender: { name: sender?.name ?? "", org: sender?.org ?? "" },
  });
  const compliance = checkDraft(`${composed.subject}\n${composed.body}`, rules, chosen?.name ?? null);

  const saved = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outreachDraft)
      .values({
        orgId: scope.orgId,
        ownerId: scope.userId,
        hcpNpi: input.npi,
        territoryId: reach.territoryId,
        productId: chosen?.id ?? null,
        purpose: input.purpose,
        subject: composed.subject,
        body: composed.body,
        compliance,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: "outreach.draft",
      entityType: "outreach_draft",
      entityId: row!.id,
      after: row,
    });
    return row!;
  });

  return {
    status: "drafted",
    draftId: saved.id,
    npi: input.npi,
    hcpName: reach.name,
    purpose: input.purpose,
    product: chosen ? { id: chosen.id, name: chosen.name } : null,
    subject: composed.subject,
    body: composed.body,
    compliance,
    consent: {
      channel: "email",
      coversAllProducts: consent.productId === null,
      recordedAt: day(consent.recordedAt),
      source: { table: "consent_record", period: day(consent.recordedAt), release: consent.source },
    },
    claimsUsed: claims
      .filter((c) => composed.claimsUsed.includes(c.text))
      .map((c) => ({ text: c.text, reference: c.reference })),
    sent: false,
    message: compliance.passed
      ? "Saved as a draft; nothing was sent. The compliance check found nothing to change."
      : `Saved as a draft; nothing was sent. The compliance check flagged ${compliance.flags.length} sentence${compliance.flags.length === 1 ? "" : "s"}: fix ${compliance.flags.length === 1 ? "it" : "them"} before sending.`,
  };
}
