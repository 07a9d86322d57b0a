// The adoption board: for one of the org's products, the physicians in the viewer's territories across the stages
// (unaware → aware → trial → adopter → advocate), and a move of one physician to another stage — refused if the card
// moved since the board was drawn, audited with before and after. A physician with no record is unaware.
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";

import { hcp, hcpAdoption, hcpAttribute, product, taxonomy, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import { activeIndividual, nameOrNpiFilter } from "../hcp/list";
import { displayName } from "../hcp/names";
import { zipInTerritories, type Scope } from "../scope";
import {
  ADOPTION_STAGES,
  adoptionBoardInput,
  CARDS_PER_STAGE,
  moveAdoptionInput,
  STAGE_TITLES,
  type AdoptionBoardInput,
  type AdoptionStage,
  type MoveAdoptionInput,
} from "./input";

async function ownProduct(db: Db, scope: Scope, productId: string) {
  const [row] = await db
    .select({ id: product.id, name: product.name })
    .from(product)
    .where(and(eq(product.id, productId), eq(product.orgId, scope.orgId), eq(product.active, true)));
  if (!row) throw notFound("That product");
  return row;
}

const stageOf = sql<AdoptionStage>`coalesce(${hcpAdoption.stage}, 'unaware')`;

export async function adoptionBoard(db: Db, scope: Scope, raw: AdoptionBoardInput) {
  const input = adoptionBoardInput.parse(raw);
  const chosen = await ownProduct(db, scope, input.productId);
  const adoptionJoin = and(
    eq(hcpAdoption.orgId, scope.orgId),
    eq(hcpAdoption.productId, chosen.id),
    eq(hcpAdoption.hcpNpi, hcp.npi),
  );
  const attributeJoin = and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, hcp.npi));
  const inScope = [...activeIndividual(), zipInTerritories(scope, hcp.practiceZip5)];
  const searched = nameOrNpiFilter(input.q);
  const cardsOf = (stage: AdoptionStage) => {
    const order: SQL[] =
      stage === "unaware"
        ? [sql`${hcpAttribute.decile} desc nulls last`, asc(hcp.lastName), asc(hcp.firstName)]
        : [desc(hcpAdoption.updatedAt), asc(hcp.lastName)];
    return db
      .select({
        npi: hcp.npi,
        firstName: hcp.firstName,
        middleName: hcp.middleName,
        lastName: hcp.lastName,
        credential: hcp.credential,
        specialty: taxonomy.classification,
        city: hcp.practiceCity,
        tier: hcpAttribute.tier,
        decile: hcpAttribute.decile,
        since: hcpAdoption.updatedAt,
      })
      .from(hcp)
      .leftJoin(hcpAdoption, adoptionJoin)
      .leftJoin(hcpAttribute, attributeJoin)
      .leftJoin(taxonomy, eq(taxonomy.code, hcp.primaryTaxonomyCode))
      .where(and(...inScope, ...searched, sql`${stageOf} = ${stage}`))
      .orderBy(...order, asc(hcp.npi))
      .limit(CARDS_PER_STAGE);
  };
  const [counts, ...cards] = await Promise.all([
    db
      .select({ stage: stageOf, n: count() })
      .from(hcp)
      .leftJoin(hcpAdoption, adoptionJoin)
      .where(and(...inScope, ...searched))
      .groupBy(stageOf),
    ...ADOPTION_STAGES.map(cardsOf),
  ]);
  const countOf = new Map(counts.map((c) => [c.stage, c.n]));
  return {
    product: chosen,
    stages: ADOPTION_STAGES.map((stage, i) => ({
      stage,
      title: STAGE_TITLES[stage],
      total: countOf.get(stage) ?? 0,
      cards: cards[i]!.map(({ firstName, middleName, lastName, since, ...card }) => ({
        ...card,
        name: displayName({ firstName, middleName, lastName }),
        since: stage === "unaware" ? null : since,
      })),
    })),
  };
}

export async function moveAdoption(db: Db, scope: Scope, raw: MoveAdoptionInput) {
  const input = moveAdoptionInput.parse(raw);
  const { name } = await requireHcpInReach(db, scope, input.npi);
  const chosen = await ownProduct(db, scope, input.productId);
  return db.transaction(async (tx) => {
    // A row to lock even for a physician never moved before, so two first moves at once take turns.
    await tx
      .insert(hcpAdoption)
      .values({ orgId: scope.orgId, hcpNpi: input.npi, productId: chosen.id, stage: "unaware" })
      .onConflictDoNothing();
    const key = and(
      eq(hcpAdoption.orgId, scope.orgId),
      eq(hcpAdoption.hcpNpi, input.npi),
      eq(hcpAdoption.productId, chosen.id),
    );
    const [current] = await tx.select({ stage: hcpAdoption.stage }).from(hcpAdoption).where(key).for("update");
    const before = current!.stage;
    if (before !== input.from)
      throw new DomainError(
        "CONFLICT",
        `${name} was moved to ${STAGE_TITLES[before]} for ${chosen.name} since the board was loaded; it now shows where they are.`,
      );
    if (before === input.stage) return { npi: input.npi, stage: before, changed: false };
    await tx
      .update(hcpAdoption)
      .set({ stage: input.stage, updatedById: scope.userId, updatedAt: new Date() })
      .where(key);
    await recordAudit(tx, scope, {
      action: "hcp.adoptionStage",
      entityType: "hcp_adoption",
      entityId: input.npi,
      before: { product: chosen.name, stage: before },
      after: { product: chosen.name, stage: input.stage },
    });
    return { npi: input.npi, stage: input.stage, changed: true };
  });
}
