// The text an HCP's profile vector is made from: who they are, what they practise, where, what they prescribe
// and who pays them. Public reference data only, so one vector serves every org.
import { sql } from "drizzle-orm";

import { rowsOf, type Db } from "@pharmacrm/db";
import { displayName } from "@pharmacrm/domain";

interface ProfileRow {
  npi: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  credential: string | null;
  specialties: string | null;
  practice_city: string | null;
  practice_state: string | null;
  drugs: string | null;
  manufacturers: string | null;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Profile texts for these NPIs (active individuals only), in NPI order. */
export async function hcpProfileTexts(db: Db, npis: readonly string[]): Promise<{ npi: string; text: string }[]> {
  if (npis.length === 0) return [];
  const result = await db.execute(sql`
    select h.npi, h.first_name, h.middle_name, h.last_name, h.credential, h.practice_city, h.practice_state,
      coalesce((select string_agg(coalesce(t.specialization, t.classification), '; ' order by ht.is_primary desc, ht.slot)
         from hcp_taxonomy ht join taxonomy t on t.code = ht.code where ht.npi = h.npi),
        (select coalesce(t.specialization, t.classification) from taxonomy t where t.code = h.primary_taxonomy_code)) as specialties,
      (select string_agg(d.brand_name || ' (' || d.claims || ' claims)', ', ' order by d.claims desc)
         from (select brand_name, sum(total_claims) as claims from part_d_prescribing p
               where p.npi = h.npi and p.year = (select max(year) from part_d_prescribing p2 where p2.npi = h.npi)
               group by brand_name order by claims desc limit 8) d) as drugs,
      (select string_agg(m.manufacturer_name, ', ' order by m.amount desc)
         from (select manufacturer_name, sum(amount_usd) as amount from open_payment o where o.npi = h.npi
               group by manufacturer_name order by amount desc limit 5) m) as manufacturers
    from hcp h where h.npi in (${list(npis)}) and h.entity_type = 1 and h.deactivation_date is null
    order by h.npi`);
  return rowsOf<ProfileRow>(result).map((r) => ({ npi: r.npi, text: profileText(r) }));
}

function profileText(r: ProfileRow): string {
  const name = displayName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name });
  return [
    `${name}${r.credential ? `, ${r.credential}` : ""}.`,
    r.specialties ? `Specialties: ${r.specialties}.` : null,
    r.practice_city || r.practice_state
      ? `Practises in ${[r.practice_city, r.practice_state].filter(Boolean).join(", ")}.`
      : null,
    r.drugs ? `Prescribes (Medicare Part D): ${r.drugs}.` : null,
    r.manufacturers ? `Received industry payments from: ${r.manufacturers}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
}
