// The HCP 360 page: public reference data (NPPES identity, taxonomies, locations, affiliations, Part D
// prescribing, Open Payments — each with its source) plus the org's tenant records within the viewer's scope.
import { and, asc, desc, eq, or } from "drizzle-orm";

import {
  appUser,
  consentRecord,
  hcp,
  hcpAttribute,
  hcpTaxonomy,
  interaction,
  product,
  task,
  taxonomy,
  type Db,
} from "@pharmacrm/db";

import { notFound } from "../errors";
import { callLines } from "../interaction/lines";
import { hcpInScope, visibleTenantRow, zipInScope, type Scope } from "../scope";
import { hcpAffiliations } from "./affiliations";
import { practiceLocations } from "./locations";
import { displayName } from "./names";
import { hcpPayments } from "./payments";
import { hcpPrescribing } from "./prescribing";
import { hcpSources } from "./sources";

/** Who an NPI is, from the public registry (the same for every viewer): for cards that hold only the NPI. */
export async function hcpIdentity(db: Db, npi: string) {
  const [found] = await db
    .select({
      npi: hcp.npi,
      entityType: hcp.entityType,
      firstName: hcp.firstName,
      middleName: hcp.middleName,
      lastName: hcp.lastName,
      credential: hcp.credential,
      city: hcp.practiceCity,
      state: hcp.practiceState,
    })
    .from(hcp)
    .where(eq(hcp.npi, npi))
    .limit(1);
  if (!found || found.entityType !== 1) throw notFound(`Physician with NPI ${npi}`);
  return {
    npi: found.npi,
    name: displayName(found),
    credential: found.credential,
    city: found.city,
    state: found.state,
  };
}

export async function hcpProfile(db: Db, scope: Scope, npi: string) {
  const [identity] = await db.select().from(hcp).where(eq(hcp.npi, npi)).limit(1);
  if (!identity || identity.entityType !== 1) throw notFound(`Physician with NPI ${npi}`);

  const consentVisible = and(
    eq(consentRecord.orgId, scope.orgId),
    eq(consentRecord.hcpNpi, npi),
    or(hcpInScope(scope, consentRecord.hcpNpi), eq(consentRecord.recordedById, scope.userId)),
  );
  const [taxonomies, [inScope], [attributes], interactions, consent, consentHistory, tasks] = await Promise.all([
    db
      .select({
        code: hcpTaxonomy.code,
        isPrimary: hcpTaxonomy.isPrimary,
        licenseNumber: hcpTaxonomy.licenseNumber,
        licenseState: hcpTaxonomy.licenseState,
        classification: taxonomy.classification,
        specialization: taxonomy.specialization,
        displayName: taxonomy.displayName,
      })
      .from(hcpTaxonomy)
      .leftJoin(taxonomy, eq(taxonomy.code, hcpTaxonomy.code))
      .where(eq(hcpTaxonomy.npi, npi))
      .orderBy(desc(hcpTaxonomy.isPrimary), asc(hcpTaxonomy.slot)),
    db
      .select({ value: zipInScope(scope, hcp.practiceZip5).mapWith(Boolean) })
      .from(hcp)
      .where(eq(hcp.npi, npi)),
    db
      .select({
        segment: hcpAttribute.segment,
        tier: hcpAttribute.tier,
        decile: hcpAttribute.decile,
        notes: hcpAttribute.notes,
        preferredChannel: hcpAttribute.preferredChannel,
        tags: hcpAttribute.tags,
        updatedAt: hcpAttribute.updatedAt,
      })
      .from(hcpAttribute)
      .where(
        and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, npi), hcpInScope(scope, hcpAttribute.hcpNpi)),
      ),
    interactionsFor(db, scope, npi),
    db
      .selectDistinctOn([consentRecord.channel, consentRecord.productId], {
        channel: consentRecord.channel,
        product: product.name,
        status: consentRecord.status,
        source: consentRecord.source,
        recordedAt: consentRecord.recordedAt,
      })
      .from(consentRecord)
      .leftJoin(product, eq(product.id, consentRecord.productId))
      .where(consentVisible)
      .orderBy(consentRecord.channel, consentRecord.productId, desc(consentRecord.recordedAt), desc(consentRecord.id)),
    // The append-only history, newest first, with who recorded each change and the evidence.
    db
      .select({
        id: consentRecord.id,
        channel: consentRecord.channel,
        product: product.name,
        status: consentRecord.status,
        source: consentRecord.source,
        evidence: consentRecord.evidence,
        recordedAt: consentRecord.recordedAt,
        recordedBy: appUser.name,
      })
      .from(consentRecord)
      .leftJoin(product, eq(product.id, consentRecord.productId))
      .innerJoin(appUser, eq(appUser.id, consentRecord.recordedById))
      .where(consentVisible)
      .orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id))
      .limit(100),
    db
      .select({ id: task.id, title: task.title, dueDate: task.dueDate, ownerName: appUser.name })
      .from(task)
      .innerJoin(appUser, eq(appUser.id, task.ownerId))
      .where(and(eq(task.hcpNpi, npi), eq(task.status, "open"), visibleTenantRow(scope, task)))
      .orderBy(asc(task.dueDate)),
  ]);
  // Reference sections: the same for every viewer; market share uses only the org's own market definitions.
  const [locations, affiliations, prescribing, payments, sources] = await Promise.all([
    practiceLocations(db, identity),
    hcpAffiliations(db, identity),
    hcpPrescribing(db, scope.orgId, npi),
    hcpPayments(db, npi),
    hcpSources(db),
  ]);

  return {
    hcp: { ...identity, name: displayName(identity) },
    taxonomies,
    inMyTerritories: inScope?.value ?? false,
    attributes: attributes ?? null,
    interactions,
    consent,
    consentHistory,
    openTasks: tasks,
    locations,
    affiliations,
    prescribing,
    payments,
    sources,
  };
}

async function interactionsFor(db: Db, scope: Scope, npi: string) {
  const calls = await db
    .select({
      id: interaction.id,
      occurredAt: interaction.occurredAt,
      channel: interaction.channel,
      notes: interaction.notes,
      followUp: interaction.followUp,
      followUpDate: interaction.followUpDate,
      ownerName: appUser.name,
    })
    .from(interaction)
    .innerJoin(appUser, eq(appUser.id, interaction.ownerId))
    .where(and(eq(interaction.hcpNpi, npi), visibleTenantRow(scope, interaction)))
    .orderBy(desc(interaction.occurredAt))
    .limit(100);
  if (calls.length === 0) return [];
  const ids = calls.map((c) => c.id);
  const { products, samples } = await callLines(db, ids);
  return calls.map((c) => ({
    ...c,
    products: products.filter((p) => p.interactionId === c.id).map((p) => p.name),
    samples: samples.filter((s) => s.interactionId === c.id).map(({ name, quantity }) => ({ name, quantity })),
  }));
}
