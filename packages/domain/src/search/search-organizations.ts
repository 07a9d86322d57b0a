// Organisation search (NPPES entity type 2: hospitals, practices, pharmacies): the same box and filters as the
// physician search, over hco. Names match by word similarity ("mass general" finds MASSACHUSETTS GENERAL
// HOSPITAL) through the trigram index on hco names; specialty and place filters are the physician search's own.
// Prescribing and payments describe individual prescribers, so those filters are set aside with a notice.
import { sql, type SQL } from "drizzle-orm";

import { rowsOf as rows, type Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import { organizationSearchInput, type OrganizationSearchInput } from "./input";
import { parseSearchText, type Understood } from "./parse-query";
import { placeFilters, RANK_WINDOW } from "./query-sql";
import { resolveSearch } from "./resolve";
import { mergeFilters } from "./search-physicians";
import { searchVocabulary } from "./vocabulary";

interface OrganizationRow {
  npi: string;
  name: string;
  other_name: string | null;
  classification: string | null;
  specialization: string | null;
  practice_line1: string | null;
  practice_city: string | null;
  practice_state: string | null;
  practice_zip5: string | null;
  practice_phone: string | null;
  distance_miles: number | null;
  score: number;
  total: number | null;
}

const UNUSED: Understood["kind"][] = ["drug", "market", "minClaims", "manufacturer", "semantic", "mine"];

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString());
  if (!Number.isInteger(offset) || offset < 0 || offset > RANK_WINDOW)
    throw new DomainError("BAD_REQUEST", "That page link is no longer valid; start the search again.");
  return offset;
}

export async function searchOrganizations(db: Db, orgId: string, rawInput: OrganizationSearchInput) {
  const input = organizationSearchInput.parse(rawInput);
  const vocabulary = await searchVocabulary(db, orgId);
  const parsed = input.text ? parseSearchText(input.text, vocabulary) : { filters: {}, understood: [] as Understood[] };
  const { cursor, limit, ...explicit } = input;
  const filters = mergeFilters(parsed.filters, explicit);
  const notices = parsed.understood.some((u) => UNUSED.includes(u.kind))
    ? [
        "Territories, prescribing, payments and meaning-based filters describe individual HCPs, so they were not applied to organisations.",
      ]
    : [];
  const r = await resolveSearch(
    db,
    {
      ...filters,
      drug: undefined,
      marketId: undefined,
      manufacturer: undefined,
      minClaims: undefined,
      semantic: undefined,
    },
    vocabulary,
  );

  const where: SQL[] = [sql`o.deactivation_date is null`];
  const score: SQL[] = [];
  if (r.npi) {
    where.push(sql`o.npi = ${r.npi}`);
    score.push(sql`1000`);
  }
  for (const token of r.nameTokens) {
    where.push(sql`(${token} <% lower(o.name) or ${token} <% lower(coalesce(o.other_name, '')))`);
    score.push(
      sql`40 * greatest(word_similarity(${token}, lower(o.name)), word_similarity(${token}, lower(coalesce(o.other_name, '')))) / ${r.nameTokens.length}`,
    );
  }
  if (r.nameTokens.length) score.push(sql`(case when lower(o.name) = ${r.nameTokens.join(" ")} then 60 else 0 end)`);
  const place = placeFilters(r, "o");
  where.push(...place.where);
  score.push(...place.score);
  const distance = place.distance ?? sql`null::float8`;
  const offset = decodeOffset(cursor);
  const order = score.length ? sql`score desc, o.npi` : sql`o.name, o.npi`;
  const found = rows<OrganizationRow>(
    await db.execute(sql`select o.npi, o.name, o.other_name, t.classification, t.specialization, o.practice_line1, o.practice_city,
        o.practice_state, o.practice_zip5, o.practice_phone, ${distance} as distance_miles,
        round((${score.length ? sql.join(score, sql` + `) : sql`0`})::numeric, 6)::float8 as score,
        ${offset === 0 ? sql`count(*) over ()::int` : sql`null::int`} as total
      from hco o left join taxonomy t on t.code = o.primary_taxonomy_code left join zip_centroid zc on zc.zip = o.practice_zip5
      where ${sql.join(where, sql` and `)}
      order by ${order} offset ${offset} limit ${Math.min(limit + 1, RANK_WINDOW - offset + 1)}`),
  );
  const items = found.slice(0, limit).map((o) => {
    const reasons: string[] = [];
    if (r.npi) reasons.push("exact NPI");
    if (r.nameTokens.length) reasons.push(`name ≈ “${r.nameTokens.join(" ")}”`);
    if (r.taxonomyCodes) reasons.push(`matched: ${o.specialization ?? o.classification}`);
    if (o.distance_miles != null) reasons.push(`${Math.round(Number(o.distance_miles))} mi`);
    return {
      npi: o.npi,
      name: o.name,
      otherName: o.other_name,
      type: o.specialization ?? o.classification,
      address: o.practice_line1,
      city: o.practice_city,
      state: o.practice_state,
      zip5: o.practice_zip5,
      phone: o.practice_phone,
      distanceMiles: o.distance_miles == null ? null : Number(o.distance_miles),
      explanation: reasons.join(" · "),
    };
  });
  const total = offset === 0 ? Number(found[0]?.total ?? 0) : null;
  const more = found.length > limit && offset + limit < RANK_WINDOW;
  return {
    items,
    nextCursor: more ? Buffer.from(String(offset + limit)).toString("base64url") : null,
    /** Matches counted up to RANK_WINDOW; null on later pages. */
    total: total === null ? null : Math.min(total, RANK_WINDOW),
    totalIsLowerBound: total !== null && total > RANK_WINDOW,
    understood: parsed.understood.filter((u) => !UNUSED.includes(u.kind)),
    notices,
  };
}

export type OrganizationSearchResult = Awaited<ReturnType<typeof searchOrganizations>>;
