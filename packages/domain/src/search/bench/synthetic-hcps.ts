// A synthetic physician population for the search benchmark, built in SQL (generate_series) so that 1M HCPs take
// minutes, not hours: realistic US names, the NUCC codes most physicians have, practice ZIPs from the real ZIP
// centroids, Part D rows for a fifth of them and Open Payments rows for a tenth. Deterministic for a given size.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";

import { workspaceRoot } from "@pharmacrm/config/paths";
import {
  market,
  marketDrug,
  org,
  refreshRankedTotals,
  region,
  rowsOf,
  territory,
  zipCentroid,
  type Db,
} from "@pharmacrm/db";

const LAST =
  `SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ GONZALEZ WILSON ANDERSON
  THOMAS TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS SANCHEZ CLARK RAMIREZ LEWIS ROBINSON WALKER YOUNG ALLEN
  KING WRIGHT SCOTT TORRES NGUYEN HILL FLORES GREEN ADAMS NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS GOMEZ
  PHILLIPS EVANS TURNER DIAZ PARKER CRUZ EDWARDS COLLINS REYES STEWART MORRIS MORALES MURPHY COOK ROGERS GUTIERREZ ORTIZ
  MORGAN COOPER PETERSON BAILEY REED KELLY HOWARD RAMOS KIM COX WARD RICHARDSON WATSON BROOKS CHAVEZ WOOD JAMES BENNETT GRAY
  MENDOZA RUIZ HUGHES PRICE ALVAREZ CASTILLO SANDERS PATEL MYERS LONG ROSS FOSTER JIMENEZ POWELL JENKINS PERRY RUSSELL SULLIVAN
  BELL COLEMAN BUTLER HENDERSON BARNES GONZALES FISHER VASQUEZ SIMMONS ROMERO JORDAN PATTERSON ALEXANDER HAMILTON GRAHAM
  REYNOLDS GRIFFIN WALLACE MORENO WEST COLE HAYES BRYANT HERRERA GIBSON ELLIS TRAN MEDINA AGUILAR STEVENS MURRAY FORD CASTRO
  MARSHALL OWENS HARRISON FERNANDEZ MCDONALD WOODS WASHINGTON KENNEDY WELLS VARGAS HENRY CHEN FREEMAN WEBB TUCKER GUZMAN BURNS
  CRAWFORD OLSON SIMPSON PORTER HUNTER GORDON MENDEZ SILVA SHAW SNYDER MASON DIXON MUNOZ HUNT HICKS HOLMES PALMER WAGNER BLACK
  ROBERTSON BOYD ROSE STONE SALAZAR FOX WARREN MILLS MEYER RICE SCHMIDT GARZA DANIELS FERGUSON NICHOLS STEPHENS SOTO WEAVER
  RYAN GARDNER PAYNE GRANT DUNN KELLEY SPENCER HAWKINS ARNOLD PIERCE HANSEN PETERS SANTOS HART BRADLEY KNIGHT ELLIOTT CUNNINGHAM
  DUNCAN ARMSTRONG HUDSON CARROLL LANE RILEY ANDREWS ALVARADO RAY DELGADO BERRY PERKINS HOFFMAN JOHNSTON MATTHEWS PENA RICHARDS
  SMYTH SMITHERS SCHMITT WONG SHAH SINGH GUPTA COHEN LEVINE FRIEDMAN OCONNOR OBRIEN MCCARTHY`.split(/\s+/);
const FIRST =
  `JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH WILLIAM BARBARA RICHARD SUSAN JOSEPH JESSICA
  THOMAS SARAH CHRISTOPHER KAREN CHARLES LISA DANIEL NANCY MATTHEW BETTY ANTHONY SANDRA MARK MARGARET DONALD ASHLEY STEVEN
  KIMBERLY ANDREW EMILY PAUL DONNA JOSHUA MICHELLE KENNETH CAROL KEVIN AMANDA BRIAN MELISSA GEORGE DEBORAH TIMOTHY STEPHANIE
  RONALD REBECCA JASON SHARON EDWARD LAURA JEFFREY CYNTHIA RYAN DOROTHY JACOB AMY GARY KATHLEEN NICHOLAS ANGELA ERIC SHIRLEY
  JONATHAN BRENDA STEPHEN EMMA LARRY ANNA JUSTIN PAMELA SCOTT NICOLE BRANDON SAMANTHA BENJAMIN KATHERINE SAMUEL CHRISTINE
  GREGORY HELEN ALEXANDER DEBRA PATRICK RACHEL FRANK CAROLYN RAYMOND JANET JACK MARIA DENNIS CATHERINE JERRY HEATHER PRIYA WEI
  OMAR AISHA RAJ MEI CARLOS SOFIA`.split(/\s+/);

/** NUCC codes weighted roughly as physicians report them (repeats = weight). */
const TAXONOMIES: [code: string, classification: string, specialization: string | null, weight: number][] = [
  ["207Q00000X", "Family Medicine", null, 14],
  ["207R00000X", "Internal Medicine", null, 14],
  ["363L00000X", "Nurse Practitioner", null, 10],
  ["363A00000X", "Physician Assistant", null, 8],
  ["207RC0000X", "Internal Medicine", "Cardiovascular Disease", 4],
  ["207RI0011X", "Internal Medicine", "Interventional Cardiology", 1],
  ["207N00000X", "Dermatology", null, 2],
  ["207RE0101X", "Internal Medicine", "Endocrinology, Diabetes & Metabolism", 2],
  ["207RH0003X", "Internal Medicine", "Hematology & Oncology", 2],
  ["207RX0202X", "Internal Medicine", "Medical Oncology", 1],
  ["207RG0100X", "Internal Medicine", "Gastroenterology", 2],
  ["207RP1001X", "Internal Medicine", "Pulmonary Disease", 2],
  ["207RN0300X", "Internal Medicine", "Nephrology", 1],
  ["2084N0400X", "Psychiatry & Neurology", "Neurology", 2],
  ["2084P0800X", "Psychiatry & Neurology", "Psychiatry", 3],
  ["208000000X", "Pediatrics", null, 5],
  ["207V00000X", "Obstetrics & Gynecology", null, 3],
  ["207X00000X", "Orthopaedic Surgery", null, 2],
  ["207W00000X", "Ophthalmology", null, 2],
  ["207RR0500X", "Internal Medicine", "Rheumatology", 1],
  ["208600000X", "Surgery", null, 3],
  ["207P00000X", "Emergency Medicine", null, 4],
  ["207L00000X", "Anesthesiology", null, 3],
  ["2085R0202X", "Radiology", "Diagnostic Radiology", 3],
];
export const BENCH_DRUGS: [brand: string, generic: string][] = [
  ["ELIQUIS", "APIXABAN"],
  ["XARELTO", "RIVAROXABAN"],
  ["JARDIANCE", "EMPAGLIFLOZIN"],
  ["FARXIGA", "DAPAGLIFLOZIN PROPANEDIOL"],
  ["OZEMPIC", "SEMAGLUTIDE"],
  ["TRULICITY", "DULAGLUTIDE"],
  ["ENTRESTO", "SACUBITRIL/VALSARTAN"],
  ["ATORVASTATIN CALCIUM", "ATORVASTATIN CALCIUM"],
  ["METFORMIN HCL", "METFORMIN HCL"],
  ["LISINOPRIL", "LISINOPRIL"],
  ["HUMIRA PEN", "ADALIMUMAB"],
  ["DUPIXENT PEN", "DUPILUMAB"],
];
const MANUFACTURERS = [
  "Pfizer Inc.",
  "Bristol-Myers Squibb Company",
  "Janssen Pharmaceuticals, Inc",
  "Novo Nordisk Inc",
  "Eli Lilly and Company",
  "AstraZeneca Pharmaceuticals LP",
  "AbbVie Inc.",
  "Sanofi-Aventis U.S. LLC",
];

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

async function loadZipCentroids(db: Db) {
  const csv = await readFile(join(workspaceRoot(), "packages/demo/reference/zipcodes_geonames_2017.csv"), "utf8");
  const values = csv
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .filter((f) => f.length >= 5 && f[0] && Number.isFinite(Number(f[1])))
    .map(([zip, lat, lng, city, state, county]) => ({
      zip: zip!.padStart(5, "0"),
      lat: Number(lat),
      lng: Number(lng),
      city: city!,
      state: state!,
      county: county?.trim() || null,
    }));
  for (let i = 0; i < values.length; i += 5000)
    await db
      .insert(zipCentroid)
      .values(values.slice(i, i + 5000))
      .onConflictDoNothing();
}

/** Fill an empty, migrated database with `size` HCPs and their reference and tenant data. */
export async function buildSyntheticPopulation(db: Db, size: number, log: (line: string) => void) {
  await loadZipCentroids(db);
  await db.execute(sql`insert into taxonomy (code, grouping, classification, specialization, display_name)
    select code, 'Allopathic & Osteopathic Physicians', cls, spec, coalesce(spec, cls) || ' Physician'
    from unnest(${textArray(TAXONOMIES.map((t) => t[0]))}, ${textArray(TAXONOMIES.map((t) => t[1]))}, ${textArray(TAXONOMIES.map((t) => t[2] ?? ""))}) as x(code, cls, spec0),
      lateral (select nullif(spec0, '') as spec) s`);
  const weighted = TAXONOMIES.flatMap((t) => new Array<string>(t[3]).fill(t[0]));
  // Secondary indexes are rebuilt after the load: one sort beats a million index insertions.
  const indexes = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(
      sql`select indexname, indexdef from pg_indexes where tablename = 'hcp' and indexname <> 'hcp_pkey'`,
    ),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.indexname}`));
  const [zips] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from zip_centroid`));
  const zipCount = Number(zips!.n);
  const chunk = 100_000;
  for (let from = 1; from <= size; from += chunk) {
    const to = Math.min(size, from + chunk - 1);
    await db.execute(sql`
      with z as materialized (select zip, lat, lng, city, state, row_number() over (order by zip) - 1 as i from zip_centroid)
      insert into hcp (npi, entity_type, first_name, last_name, credential, primary_taxonomy_code, practice_city, practice_state,
        practice_zip5, practice_postal_code, lat, lng)
      select lpad((1000000000 + g)::text, 10, '0'), 1,
        (${textArray(FIRST)})[1 + abs(hashtext(g::text || 'first')) % ${FIRST.length}],
        (${textArray(LAST)})[1 + abs(hashtext(g::text || 'last')) % ${LAST.length}],
        case when g % 5 = 0 then 'DO' else 'MD' end,
        (${textArray(weighted)})[1 + (g * 17 + g / 3) % ${weighted.length}],
        upper(z.city), z.state, z.zip, z.zip, z.lat, z.lng
      from generate_series(${from}::int, ${to}::int) g
      join z on z.i = (g::bigint * 7919) % ${zipCount}`);
    log(`  ${to.toLocaleString("en-US")} HCPs`);
  }
  for (const index of indexes) await db.execute(sql.raw(index.indexdef));
  log("  indexes rebuilt");
  await db.execute(sql`
    insert into part_d_prescribing (npi, year, brand_name, generic_name, total_claims)
    select h.npi, 2023, d.brand, d.generic, 11 + (h.n * 37 + k * 101) % 600
    from (select npi, npi::bigint as n from hcp where npi::bigint % 5 = 0) h
    cross join generate_series(0, 2) k
    join unnest(${textArray(BENCH_DRUGS.map((d) => d[0]))}, ${textArray(BENCH_DRUGS.map((d) => d[1]))}) with ordinality as d(brand, generic, o)
      on d.o = 1 + (h.n / 5 + k * 5) % ${BENCH_DRUGS.length}
    on conflict do nothing`);
  log("  Part D rows");
  await db.execute(sql`
    insert into open_payment (record_id, program_year, recipient_type, npi, manufacturer_id, manufacturer_name, amount_usd, payment_date, nature)
    select h.npi::bigint, 2023, 'Covered Recipient Physician', h.npi, 'M' || m.o, m.name, 10 + (h.npi::bigint % 900), date '2023-06-01', 'Food and Beverage'
    from hcp h join unnest(${textArray(MANUFACTURERS)}) with ordinality as m(name, o) on m.o = 1 + (h.npi::bigint / 10) % ${MANUFACTURERS.length}
    where h.npi::bigint % 10 = 3`);
  log("  Open Payments rows");
  const [tenant] = await db.insert(org).values({ name: "Bench Org", slug: "bench-org" }).returning();
  const [east] = await db.insert(region).values({ orgId: tenant!.id, name: "East" }).returning();
  const [boston] = await db
    .insert(territory)
    .values({ orgId: tenant!.id, regionId: east!.id, code: "BOS", name: "Boston" })
    .returning();
  await db.execute(sql`insert into territory_zip (org_id, territory_id, zip5)
    select ${tenant!.id}::uuid, ${boston!.id}::uuid, zip from zip_centroid where state = 'MA' and zip like '021%'`);
  const [anticoagulants] = await db.insert(market).values({ orgId: tenant!.id, name: "Anticoagulants" }).returning();
  await db.insert(marketDrug).values([
    { orgId: tenant!.id, marketId: anticoagulants!.id, brandName: "ELIQUIS", genericName: "APIXABAN", isOwn: true },
    { orgId: tenant!.id, marketId: anticoagulants!.id, brandName: "XARELTO", genericName: "RIVAROXABAN" },
  ]);
  await refreshRankedTotals(db, "prescribing");
  await refreshRankedTotals(db, "payments");
  await db.execute(sql`analyze`);
}
