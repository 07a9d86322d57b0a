// HCP → organisation affiliations. NPPES has no affiliation table, so each one is derived and says how:
//   same_practice_address — an active HCO (NPPES type 2) at one of the HCP's practice addresses: same ZIP and the
//                           same street line once case, punctuation and the suite/floor/room part are ignored;
//   endpoint              — an affiliation the HCP published with an electronic endpoint (NPPES endpoint file),
//                           linked to an HCO of the same name in the same ZIP when there is one.
import { and, asc, eq, isNotNull, or, sql, type SQL } from "drizzle-orm";

import { hco, npiEndpoint, npiPracticeLocation, type Db } from "@pharmacrm/db";

export type AffiliationBasis = "same_practice_address" | "endpoint";

export interface Affiliation {
  name: string;
  /** The HCO's NPI when the affiliation is a known NPPES organisation. */
  hcoNpi: string | null;
  line1: string | null;
  city: string | null;
  state: string | null;
  zip5: string | null;
  bases: AffiliationBasis[];
  /** Endpoint affiliations: the kind of endpoint published (e.g. "Direct messaging address"). */
  endpointTypes: string[];
}

/**
 * The building a street line names: upper-case, the unit part ("Suite 2", "STE 200", "# 4", "Floor 3") dropped,
 * then letters and digits only, so "100 Main St., Suite 2" and "100 MAIN ST STE 7" are the same building.
 */
const addressKey = (line: SQL | typeof hco.practiceLine1) =>
  sql`regexp_replace(regexp_replace(upper(${line}), '[ ,]+((STE|SUITE|UNIT|APT|FL|FLOOR|RM|ROOM|BLDG)\\M|#).*$', ''), '[^A-Z0-9]', '', 'g')`;

interface HcpAddress {
  npi: string;
  practiceLine1: string | null;
  practiceZip5: string | null;
}

export async function hcpAffiliations(db: Db, hcp: HcpAddress): Promise<Affiliation[]> {
  const [byAddress, byEndpoint] = await Promise.all([sameAddressHcos(db, hcp), endpointAffiliations(db, hcp.npi)]);
  const merged = new Map<string, Affiliation>();
  for (const row of byAddress) {
    merged.set(row.npi, {
      name: row.name,
      hcoNpi: row.npi,
      line1: row.line1,
      city: row.city,
      state: row.state,
      zip5: row.zip5,
      bases: ["same_practice_address"],
      endpointTypes: [],
    });
  }
  for (const row of byEndpoint) {
    const key = row.hcoNpi ?? `name:${row.name.toUpperCase()}|${row.zip5 ?? ""}`;
    const known = merged.get(key);
    const type = row.endpointType ?? "Endpoint";
    if (known) {
      if (!known.bases.includes("endpoint")) known.bases.push("endpoint");
      if (!known.endpointTypes.includes(type)) known.endpointTypes.push(type);
    } else {
      merged.set(key, {
        name: row.name,
        hcoNpi: row.hcoNpi,
        line1: row.line1,
        city: row.city,
        state: row.state,
        zip5: row.zip5,
        bases: ["endpoint"],
        endpointTypes: [type],
      });
    }
  }
  return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** HCOs practising at the HCP's primary address or any of its NPPES secondary practice locations. */
async function sameAddressHcos(db: Db, hcp: HcpAddress) {
  const addresses = await db
    .select({ line1: npiPracticeLocation.line1, zip5: npiPracticeLocation.zip5 })
    .from(npiPracticeLocation)
    .where(and(eq(npiPracticeLocation.npi, hcp.npi), isNotNull(npiPracticeLocation.zip5)));
  if (hcp.practiceLine1 && hcp.practiceZip5) addresses.push({ line1: hcp.practiceLine1, zip5: hcp.practiceZip5 });
  if (addresses.length === 0) return [];
  const matches = addresses.map((a) =>
    and(eq(hco.practiceZip5, a.zip5!), sql`${addressKey(hco.practiceLine1)} = ${addressKey(sql`${a.line1}`)}`)!,
  );
  return db
    .select({
      npi: hco.npi,
      name: hco.name,
      line1: hco.practiceLine1,
      city: hco.practiceCity,
      state: hco.practiceState,
      zip5: hco.practiceZip5,
    })
    .from(hco)
    .where(and(or(...matches), sql`${hco.deactivationDate} is null`))
    .orderBy(asc(hco.name))
    .limit(50);
}

/** The NPPES organisation an endpoint affiliation names: same name (any case) in the same ZIP. */
const knownHco = sql<
  string | null
>`(select o.npi from ${hco} o where upper(o.name) = upper(${npiEndpoint.affiliationName})
  and o.practice_zip5 = left(${npiEndpoint.postalCode}, 5) order by o.npi limit 1)`;

async function endpointAffiliations(db: Db, npi: string) {
  return db
    .selectDistinct({
      name: sql<string>`coalesce((select o.name from ${hco} o where o.npi = ${knownHco}), ${npiEndpoint.affiliationName})`,
      line1: npiEndpoint.addressLine1,
      city: npiEndpoint.city,
      state: npiEndpoint.state,
      zip5: sql<string | null>`left(${npiEndpoint.postalCode}, 5)`,
      endpointType: npiEndpoint.endpointTypeDescription,
      hcoNpi: knownHco,
    })
    .from(npiEndpoint)
    .where(
      and(eq(npiEndpoint.npi, npi), isNotNull(npiEndpoint.affiliationName), sql`${npiEndpoint.affiliationName} <> ''`),
    )
    .orderBy(sql`1`)
    .limit(50);
}
