// Physician search: one function for the search page, the API and (later) the copilot's searchPhysicians tool.
// Takes structured filters and/or one line of text (parsed into filters in the database's own words);
// semantic matching needs a query vector from the caller (the model seam lives in packages/ai).
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import { EMBEDDING_DIMENSIONS, rowsOf as rows, type Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import { displayName } from "../hcp/names";
import { zipInScope, type Scope } from "../scope";
import { NPI_PATTERN } from "../validation";
import { explainResults, type ExplainedRow } from "./explain";
import { physicianSearchInput, type PhysicianSearchFilters, type PhysicianSearchInput } from "./input";
import { parseSearchText, type Understood } from "./parse-query";
import { isRanked, RANK_WINDOW, searchParts, type QueryVector } from "./query-sql";
import { resolveSearch } from "./resolve";
import { searchVocabulary } from "./vocabulary";

export interface SearchOptions {
  /** Turns the semantic text into a vector (the caller's embedding model); omitted → lexical + structured only. */
  embedQuery?: (text: string) => Promise<QueryVector | null>;
}

/** Counting stops here: beyond it the page says "10,000+". */
export const COUNT_LIMIT = 10_000;

// A cursor comes back from the client, so it is checked like any input: a forged one (a text score, a NUL in a
// name) is a stale page link, not a database error. Names are compared exactly as stored (no trimming).
const storedName = z
  .string()
  .max(300)
  .refine((name) => !name.includes("\u0000"));
const cursorSchema = z.object({
  /** Score (ranked) or [last, first] (name order), then NPI. */
  s: z.number().optional(),
  k: z.tuple([storedName, storedName]).optional(),
  n: z.string().regex(NPI_PATTERN),
});

type Cursor = z.output<typeof cursorSchema>;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(value: string): Cursor {
  try {
    const c = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString()));
    if (c.success) return c.data;
  } catch {
    // fall through to the message below
  }
  throw new DomainError("BAD_REQUEST", "That page link is no longer valid; start the search again.");
}

/** Free text merged under explicit filters (an explicit filter wins over what the text said). */
export function mergeFilters(parsed: Partial<PhysicianSearchFilters>, explicit: Partial<PhysicianSearchFilters>) {
  const merged: Partial<PhysicianSearchFilters> = { ...parsed };
  for (const [key, value] of Object.entries(explicit)) {
    if (value !== undefined && key !== "text") (merged as Record<string, unknown>)[key] = value;
  }
  // "in my territory" typed in the box narrows the search even when the toggle is off.
  if (parsed.mine) merged.mine = true;
  return merged;
}

export async function searchPhysicians(
  db: Db,
  scope: Scope,
  rawInput: PhysicianSearchInput,
  options: SearchOptions = {},
) {
  const input = physicianSearchInput.parse(rawInput);
  const vocabulary = await searchVocabulary(db, scope.orgId);
  const parsed = input.text ? parseSearchText(input.text, vocabulary) : { filters: {}, understood: [] as Understood[] };
  const { cursor, limit, ...explicit } = input;
  const filters = mergeFilters(parsed.filters, explicit);
  const resolved = await resolveSearch(db, filters, vocabulary);
  const notices: string[] = [];
  let vector: QueryVector | null = null;
  if (resolved.semantic) {
    vector = options.embedQuery ? await options.embedQuery(resolved.semantic) : null;
    if (vector) vector = { ...vector, vector: padEmbedding(vector.vector) };
    else notices.push(`No embedding model is configured, so “${resolved.semantic}” was not matched by meaning.`);
  }
  const ranked = isRanked(resolved, vector);
  const parts = searchParts(resolved, scope, vector);
  const after = cursor ? decodeCursor(cursor) : null;

  const withCtes = parts.ctes.length ? sql`with ${sql.join(parts.ctes, sql`, `)} ` : sql``;
  const from = sql`from hcp h ${sql.join(parts.joins, sql` `)} where ${sql.join(parts.where, sql` and `)}`;
  const score = parts.score.length ? sql.join(parts.score, sql` + `) : sql`0`;
  const extra = parts.columns.length ? sql`, ${sql.join(parts.columns, sql`, `)}` : sql``;
  const details = sql`h.npi, h.first_name, h.middle_name, h.last_name, h.credential, h.primary_taxonomy_code,
      t.classification, t.specialization, h.practice_city, h.practice_state, h.practice_zip5,
      ${zipInScope(scope, sql.raw("h.practice_zip5"))} as in_my_territories`;
  const detailJoin = sql`join hcp h on h.npi = r.npi left join taxonomy t on t.code = h.primary_taxonomy_code`;
  let page: SQL;
  if (ranked) {
    // Every match is scored and counted (first page) as narrow rows — NPI, score and the figures the explanation
    // needs; the best RANK_WINDOW then get the late tie-breaker (prescribing in the org's markets) and the final
    // order the cursor walks; only the page's rows are joined to their details.
    const late = parts.late;
    const total = after ? sql`null::int` : sql`count(*) over ()::int`;
    // With a driver, the matches come in ranking order and only the window's worth (and one more, to know there are
    // more) is read; the count then stops at the window too.
    const scored = sql`select h.npi, (${score})::float8 as base_score ${extra} ${from} ${parts.driver ? sql`order by ${parts.driver}, h.npi limit ${RANK_WINDOW + 1}` : sql``}`;
    const window = sql`select *, ${total} as total from (${scored}) s order by s.base_score desc, s.npi limit ${late || parts.windowed ? RANK_WINDOW : 1_000_000_000}`;
    const final = sql`select b.*, ${late ? late.column : sql`null::int as market_claims`},
      round((b.base_score + ${late ? late.score : sql`0`})::numeric, 6)::float8 as score
      from (${window}) b ${late ? late.join : sql``}`;
    const keyset = after
      ? sql`where r.score < ${after.s ?? 0} or (r.score = ${after.s ?? 0} and r.npi > ${after.n})`
      : sql``;
    const best = sql`select * from (${final}) r ${keyset} order by r.score desc, r.npi limit ${limit + 1}`;
    page = sql`${withCtes}select r.*, ${details} from (${best}) r ${detailJoin} order by r.score desc, r.npi`;
  } else {
    const keyset = after?.k
      ? sql`and (h.last_name, coalesce(h.first_name, ''), h.npi) > (${after.k[0]}, ${after.k[1]}, ${after.n})`
      : sql``;
    const marketClaims = parts.late
      ? sql`(select sum(p.total_claims)::int from part_d_prescribing p where p.npi = h.npi and p.year = ${resolved.partDYear}
          and p.brand_name in (${sql.join(
            resolved.marketBrandNames.map((name) => sql`${name}`),
            sql`, `,
          )}))`
      : sql`null::int`;
    page = sql`${withCtes}select ${details}, 0::float8 as base_score ${extra}, ${marketClaims} as market_claims, 0::float8 as score
      from hcp h left join taxonomy t on t.code = h.primary_taxonomy_code ${sql.join(parts.joins, sql` `)}
      where ${sql.join(parts.where, sql` and `)} ${keyset}
      order by h.last_name, coalesce(h.first_name, ''), h.npi limit ${limit + 1}`;
  }
  const count = sql`${withCtes}select count(*)::int as total from (select 1 ${from} limit ${COUNT_LIMIT + 1}) c`;
  const found = rows<ExplainedRow & { total?: number | null }>(await db.execute(page));
  const countLimit = ranked && parts.windowed ? RANK_WINDOW : COUNT_LIMIT;
  let total: number | null = null;
  if (!after)
    total = ranked
      ? Number(found[0]?.total ?? 0)
      : Number(rows<{ total: number }>(await db.execute(count))[0]?.total ?? 0);
  const items = found.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    found.length > limit && last
      ? encodeCursor(
          ranked
            ? { s: Number(last.score), n: last.npi }
            : { k: [last.last_name ?? "", last.first_name ?? ""], n: last.npi },
        )
      : null;
  const explained = await explainResults(db, items, resolved);
  return {
    items: explained.map((item) => ({
      ...item,
      name: displayName({ firstName: item.firstName, middleName: item.middleName, lastName: item.lastName }),
    })),
    nextCursor,
    /** Matches counted up to COUNT_LIMIT (RANK_WINDOW when read in ranking order); null on later pages (the first page's count stands). */
    total: total === null ? null : Math.min(total, countLimit),
    totalIsLowerBound: total !== null && total > countLimit,
    understood: parsed.understood,
    notices,
    ranked,
  };
}

export type PhysicianSearchResult = Awaited<ReturnType<typeof searchPhysicians>>;

/** Vectors are stored at one width; a smaller model's vector is padded with zeros (cosine similarity unchanged). */
export function padEmbedding(vector: readonly number[]): number[] {
  if (vector.length > EMBEDDING_DIMENSIONS) {
    throw new DomainError(
      "BAD_REQUEST",
      `Embeddings wider than ${EMBEDDING_DIMENSIONS} dimensions must be requested at ${EMBEDDING_DIMENSIONS}.`,
    );
  }
  return vector.length === EMBEDDING_DIMENSIONS
    ? [...vector]
    : [...vector, ...new Array<number>(EMBEDDING_DIMENSIONS - vector.length).fill(0)];
}
