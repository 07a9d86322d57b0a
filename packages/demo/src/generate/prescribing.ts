// Part D prescribing of one HCP: which drugs they write and how much, per data year, with CMS's publication
// rules applied (rows only at ≥ 11 claims; beneficiary counts 1–10 blanked; GE65 cells flagged "*" when under
// 11 and "#" when showing them would reveal a small complementary under-65 count).
import { type Random } from "../random";
import { DRUGS, PART_D_YEARS, type DataYear, type Drug, type DrugKey } from "./catalog/drugs";
import { type Specialty } from "./catalog/specialties";

export const MIN_PUBLISHED_CLAIMS = 11;

export interface DrugYear {
  drugKey: DrugKey;
  drug: Drug;
  year: DataYear;
  claims: number;
}

/**
 * Draws an HCP's prescribing for every data year. Writer status uses one uniform draw per drug, so an
 * adopter stays an adopter as a drug's reach grows; half of a trend works through reach, half through volume.
 */
export function prescribingFor(random: Random, specialty: Specialty): DrugYear[] {
  // Log-normal practice size with a thin tail of very heavy writers, as in the real file.
  const heavy = random.chance(0.015) ? random.int(3, 6) : 1;
  const volume = specialty.claimsPerYear * random.logNormal(0, 0.85) * heavy;
  const result: DrugYear[] = [];
  for (const entry of specialty.profile) {
    const drug: Drug = DRUGS[entry.drug];
    const adoption = random.next();
    const preference = random.logNormal(0, 0.5);
    for (const year of PART_D_YEARS) {
      const trend = drug.trend[year];
      if (trend <= 0) continue;
      const step = Math.sqrt(trend);
      if (adoption >= Math.min(1, entry.reach * step)) continue;
      const claims = Math.round(volume * entry.share * preference * step * random.logNormal(0, 0.12));
      if (claims > 0) result.push({ drugKey: entry.drug, drug, year, claims });
    }
  }
  return result;
}

export interface PartDMeasures {
  claims: string;
  fills: string;
  daySupply: string;
  cost: string;
  benes: string;
  ge65Flag: "" | "*" | "#";
  ge65Claims: string;
  ge65Fills: string;
  ge65Cost: string;
  ge65DaySupply: string;
  ge65BeneFlag: "" | "*" | "#";
  ge65Benes: string;
}

/** "*" when the 65+ cell itself is 1–10; "#" when the complementary under-65 cell would be 1–10. */
export function ge65Suppression(total: number, ge65: number): "" | "*" | "#" {
  if (ge65 >= 1 && ge65 < MIN_PUBLISHED_CLAIMS) return "*";
  const under65 = total - ge65;
  if (under65 >= 1 && under65 < MIN_PUBLISHED_CLAIMS) return "#";
  return "";
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

export function partDMeasures(random: Random, drug: Drug, claims: number): PartDMeasures {
  // Maintenance generics are often filled for 90 days; specialty brands rarely.
  const ninetyDayShare = drug.manufacturers.length === 0 ? random.next() * 0.45 : random.next() * 0.2;
  const fills = Math.round(claims * (1 + 2 * ninetyDayShare) * (0.97 + random.next() * 0.06) * 10) / 10;
  const daySupply = Math.round(fills * 30 * (0.96 + random.next() * 0.05));
  const cost = fills * drug.costPerFill * random.logNormal(0, 0.08);
  const benes = Math.max(1, Math.round(claims / (1.3 + random.next() * 5)));
  const ge65Share = 0.45 + random.next() * 0.5;
  const ge65Claims = Math.max(1, Math.round(claims * ge65Share));
  const ge65Benes = Math.max(1, Math.min(benes, Math.round(benes * ge65Share)));
  const ge65Flag = ge65Suppression(claims, ge65Claims);
  const share = ge65Claims / claims;
  // Tot_Benes itself is blanked at 1–10, and then neither 65+ count may be shown.
  const ge65BeneFlag = benes < MIN_PUBLISHED_CLAIMS ? "*" : ge65Suppression(benes, ge65Benes);
  const shown = ge65Flag === "";
  return {
    claims: String(claims),
    fills: fixed(fills, 1),
    daySupply: String(daySupply),
    cost: fixed(cost, 2),
    benes: benes < MIN_PUBLISHED_CLAIMS ? "" : String(benes),
    ge65Flag,
    ge65Claims: shown ? String(ge65Claims) : "",
    ge65Fills: shown ? fixed(fills * share, 1) : "",
    ge65Cost: shown ? fixed(cost * share, 2) : "",
    ge65DaySupply: shown ? String(Math.round(daySupply * share)) : "",
    ge65BeneFlag,
    ge65Benes: ge65BeneFlag === "" ? String(ge65Benes) : "",
  };
}
