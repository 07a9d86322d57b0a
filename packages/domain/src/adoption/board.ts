// The adoption board: for one of the org's products, the physicians in the viewer's territories across the stages
// (unaware → aware → trial → adopter → advocate), and a move of one physician to another stage — refused if the card
// moved since the board was drawn, audited with before and after. A physician with no record is unaware.
import { and, eq, sql } from "drizzle-orm";

import { hcp, hcpAdoption, hcpAttribute, product, rowsOf, taxonomy, type Db } from "@pharmacrm/db";

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
  // One statement, so counts and cards come from one snapshot: each physician in scope once, in their stage, the
  // first CARDS_PER_STAGE of each stage (unaware: highest decile first; the others: most recently moved first).
  const rows = rowsOf<{
    npi: string;
    first_name: string | null;
    middle_name: string | null;
    last_name: string | null;
    credential: string | null;
    specialty: string | null;
    city: string | null;
    tier: string | null;
    decile: number | null;
    stage: AdoptionStage;
    since: Date | string | null;
    total: number;
  }>(
    await db.execute(sql`
      select * from (
        select ${hcp.npi} as npi, ${hcp.firstName} as first_name, ${hcp.middleName} as middle_name,
          ${hcp.lastName} as last_name, ${hcp.credential} as credential, ${taxonomy.classification} as specialty,
          ${hcp.practiceCity} as city, ${hcpAttribute.tier} as tier, ${hcpAttribute.decile} as decile,
          ${stageOf} as stage, ${hcpAdoption.updatedAt} as since,
          row_number() over (partition by ${stageOf} order by
            (case when ${stageOf} = 'unaware' then null else ${hcpAdoption.updatedAt} end) desc nulls last,
            ${hcpAttribute.decile} desc nulls last, ${hcp.lastName}, ${hcp.firstName}, ${hcp.npi}) as rn,
          (count(*) over (partition by ${stageOf}))::int as total
        from ${hcp}
        left join ${hcpAdoption} on ${and(
          eq(hcpAdoption.orgId, scope.orgId),
          eq(hcpAdoption.productId, chosen.id),
          eq(hcpAdoption.hcpNpi, hcp.npi),
        )}
        left join ${hcpAttribute} on ${and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, hcp.npi))}
        left join ${taxonomy} on ${eq(taxonomy.code, hcp.primaryTaxonomyCode)}
        where ${and(...boardScope(scope), ...nameOrNpiFilter(input.q))}
      ) ranked
      where rn <= ${CARDS_PER_STAGE}
      order by rn`),
  );
  return {
    product: chosen,
    stages: ADOPTION_STAGES.map((stage) => {
      const inStage = rows.filter((r) => r.stage === stage);
      return {
        stage,
        title: STAGE_TITLES[stage],
        total: Number(inStage[0]?.total ?? 0),
        cards: inStage.map((r) => ({
          npi: r.npi,
          name: displayName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }),
          credential: r.credential,
          specialty: r.specialty,
          city: r.city,
          tier: r.tier,
          decile: r.decile === null ? null : Number(r.decile),
          since: stage === "unaware" || r.since === null ? null : new Date(r.since),
        })),
      };
    }),
  };
}

/** The physicians a board shows: individuals NPPES has not deactivated, practising in the viewer's territories. */
const boardScope = (scope: Scope) => [...activeIndividual(), zipInTerritories(scope, hcp.practiceZip5)];

export async function moveAdoption(db: Db, scope: Scope, raw: MoveAdoptionInput) {
  const input = moveAdoptionInput.parse(raw);
  const { name } = await requireHcpInReach(db, scope, input.npi);
  const chosen = await ownProduct(db, scope, input.productId);
  const [onBoard] = await db
    .select({ npi: hcp.npi })
    .from(hcp)
    .where(and(eq(hcp.npi, input.npi), ...boardScope(scope)));
  if (!onBoard)
    throw new DomainError(
      "FORBIDDEN",
      `${name} is not on your adoption boards (no longer practising in your territories).`,
    );
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
      before: { productId: chosen.id, product: chosen.name, stage: before },
      after: { productId: chosen.id, product: chosen.name, stage: input.stage },
    });
    return { npi: input.npi, stage: input.stage, changed: true };
  });
}
