// Writes one demo org's structure: org, regions, territories aligned to their metro's ZIPs, users (one shared
// password hash) and rep → territory assignments. Ids come from the seeded stream, so a re-seed is identical.
import {
  appUser,
  market,
  marketDrug,
  org,
  product,
  region,
  territory,
  territoryAssignment,
  territoryZip,
  type Db,
} from "@pharmacrm/db";
import { insertInBatches } from "@pharmacrm/ingest";

import { DRUGS, type DrugKey } from "../generate/catalog/drugs";
import { type Random } from "../random";
import { type OrgDefinition, type Role } from "./definitions";

export interface CreatedTerritory {
  id: string;
  code: string;
  name: string;
  regionId: string;
  repId: string;
  zip5s: string[];
}

export interface CreatedProduct {
  id: string;
  name: string;
  brandName: string;
  sampleable: boolean;
  /** How reps name the competing drugs of the product's market ("Xarelto", "warfarin"). */
  competitors: string[];
}

/** Brands by their trade name, generics by the molecule, as people say them. */
const spokenName = (drug: DrugKey): string =>
  DRUGS[drug].paymentName ?? DRUGS[drug].generic.split(" ")[0]!.toLowerCase();

export interface CreatedOrg {
  id: string;
  slug: string;
  name: string;
  territories: CreatedTerritory[];
  users: { id: string; email: string; role: Role; regionId: string | null }[];
  adminId: string;
  products: CreatedProduct[];
  /** Part D brand names of each market (for deciles) and the org's own brands. */
  marketBrands: string[];
  ownBrands: string[];
}

export async function createOrg(
  tx: Db,
  definition: OrgDefinition,
  options: { random: Random; passwordHash: string; metroZips: (metro: string) => string[] },
): Promise<CreatedOrg> {
  const { random } = options;
  const orgId = random.uuid();
  // Demo orgs do not require a second factor for admins, so every demo account signs in with one click; calls are
  // submitted within 30 days of the visit, a common compliance rule.
  await tx.insert(org).values({
    id: orgId,
    name: definition.name,
    slug: definition.slug,
    isDemo: true,
    mfaRequiredForAdmins: false,
    callBackdateDays: 30,
  });

  const regionIds = new Map(definition.regions.map((r) => [r.name, random.uuid()]));
  await tx.insert(region).values(definition.regions.map((r) => ({ id: regionIds.get(r.name)!, orgId, name: r.name })));

  const users = definition.users.map((user) => ({
    id: random.uuid(),
    email: user.email,
    role: user.role,
    regionId: user.region ? regionIds.get(user.region)! : null,
    territoryCode: user.territory,
    name: user.name,
    platformOperator: user.platformOperator ?? false,
  }));
  await tx.insert(appUser).values(
    users.map(({ id, email, name, role, regionId, platformOperator }) => ({
      id,
      orgId,
      email,
      name,
      role,
      regionId,
      platformOperator,
      passwordHash: options.passwordHash,
    })),
  );

  const territories: CreatedTerritory[] = definition.regions.flatMap((r) =>
    r.territories.map((t) => {
      const rep = users.find((u) => u.territoryCode === t.code);
      if (!rep) throw new Error(`territory ${t.code} of ${definition.slug} has no rep`);
      return {
        id: random.uuid(),
        code: t.code,
        name: t.name,
        regionId: regionIds.get(r.name)!,
        repId: rep.id,
        zip5s: options.metroZips(t.metro),
      };
    }),
  );
  await tx
    .insert(territory)
    .values(territories.map(({ id, code, name, regionId }) => ({ id, orgId, regionId, code, name })));
  await insertInBatches(
    tx,
    territoryZip,
    territories.flatMap((t) => t.zip5s.map((zip5) => ({ orgId, territoryId: t.id, zip5 }))),
  );
  await tx.insert(territoryAssignment).values(territories.map((t) => ({ orgId, userId: t.repId, territoryId: t.id })));

  const products: CreatedProduct[] = [];
  for (const definitionMarket of definition.markets) {
    const marketId = random.uuid();
    await tx
      .insert(market)
      .values({ id: marketId, orgId, name: definitionMarket.name, therapeuticArea: definitionMarket.therapeuticArea });
    await tx.insert(marketDrug).values(
      definitionMarket.drugs.map(({ drug, own }) => ({
        orgId,
        marketId,
        brandName: DRUGS[drug].brand,
        genericName: DRUGS[drug].generic,
        isOwn: own ?? false,
      })),
    );
    for (const p of definitionMarket.products) {
      const competitors = definitionMarket.drugs.filter((d) => !d.own).map((d) => spokenName(d.drug));
      const created = {
        id: random.uuid(),
        name: p.name,
        brandName: DRUGS[p.drug].brand,
        sampleable: p.sampleable,
        competitors,
      };
      await tx.insert(product).values({
        id: created.id,
        orgId,
        marketId,
        name: p.name,
        partDBrandName: created.brandName,
        genericName: DRUGS[p.drug].generic,
        sampleable: p.sampleable,
        // The demo's sampling limits: a box of 12 at a call, 120 units to one physician a year.
        sampleLimitPerCall: p.sampleable ? 12 : null,
        sampleLimitPerYear: p.sampleable ? 120 : null,
      });
      products.push(created);
    }
  }

  const allDrugs = definition.markets.flatMap((m) => m.drugs);
  return {
    id: orgId,
    slug: definition.slug,
    name: definition.name,
    territories,
    users: users.map(({ id, email, role, regionId }) => ({ id, email, role, regionId })),
    adminId: users.find((u) => u.role === "admin")!.id,
    products,
    marketBrands: [...new Set(allDrugs.map((d) => DRUGS[d.drug].brand))],
    ownBrands: [...new Set(allDrugs.filter((d) => d.own).map((d) => DRUGS[d.drug].brand))],
  };
}
