// Merging a staged chunk into its target: insert … on conflict (key) do update … where the stored row differs.
// Unchanged rows are not touched (so a re-run changes nothing, not even updated_at) and not returned; returned
// rows tell inserted from updated by xmax (0 for a row this statement inserted).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";

import { rowsOf, type Db } from "@pharmacrm/db";

import { type StageSource } from "./stage";

export interface UpsertSpec {
  target: string;
  table: PgTable;
  /** Column keys of the conflict target (the primary key). */
  conflict: readonly string[];
  /** Extra values computed in SQL: column key → expression over the staged row `r` (and any joins). */
  computed?: Readonly<Record<string, SQL>>;
  /** Joins after the source, e.g. the ZIP centroid for lat/lng. */
  joins?: SQL;
  /** Filter on the staged rows. */
  where?: SQL;
  /** Column keys never overwritten on conflict (kept as first loaded). */
  keep?: readonly string[];
  /** Column key stamped with now() when a row changes. */
  touch?: string;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
}

const ident = (name: string) => sql.identifier(name);

function columnName(table: PgTable, key: string): string {
  const column = getTableColumns(table)[key];
  if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
  return column.name;
}

/** The insert … on conflict statement, returning `returning` (e.g. the key and whether it was inserted). */
export function upsertStatement(spec: UpsertSpec, source: StageSource, returning: SQL): SQL {
  const { table } = spec;
  const staged = source.columns(spec.target).map((c) => c.key);
  const computed = Object.entries(spec.computed ?? {});
  const keys = [...staged, ...computed.map(([key]) => key)];
  const names = keys.map((key) => columnName(table, key));
  const values = [
    ...staged.map((key) => sql`r.${ident(columnName(table, key))}`),
    ...computed.map(([, expression]) => expression),
  ];
  const conflict = spec.conflict.map((key) => columnName(table, key));
  const compared = names.filter(
    (name) => !conflict.includes(name) && !(spec.keep ?? []).some((key) => columnName(table, key) === name),
  );
  const tableName = getTableName(table);
  const target = sql.join(names.map(ident), sql`, `);
  const select = sql.join(values, sql`, `);
  const onConflict = sql.join(conflict.map(ident), sql`, `);
  // In key order: each chunk walks the primary key's pages once instead of jumping between them row by row.
  const order = sql.join(
    conflict.map((name) => sql`r.${ident(name)}`),
    sql`, `,
  );
  const from = sql`${source.from(spec.target)} ${spec.joins ?? sql``} ${spec.where ? sql`where ${spec.where}` : sql``} order by ${order}`;
  if (compared.length === 0) {
    return sql`insert into ${ident(tableName)} (${target}) select ${select} from ${from}
      on conflict (${onConflict}) do nothing returning ${returning}`;
  }
  const set = compared.map((name) => sql`${ident(name)} = excluded.${ident(name)}`);
  if (spec.touch) set.push(sql`${ident(columnName(table, spec.touch))} = now()`);
  const stored = sql.join(
    compared.map((name) => sql`${ident(tableName)}.${ident(name)}`),
    sql`, `,
  );
  const incoming = sql.join(
    compared.map((name) => sql`excluded.${ident(name)}`),
    sql`, `,
  );
  return sql`insert into ${ident(tableName)} (${target}) select ${select} from ${from}
    on conflict (${onConflict}) do update set ${sql.join(set, sql`, `)}
    where (${stored}) is distinct from (${incoming})
    returning ${returning}`;
}

/** Upserts one target and counts inserted vs updated rows (unchanged rows are neither). */
export async function upsertCounting(tx: Db, spec: UpsertSpec, source: StageSource): Promise<MergeCounts> {
  if (source.count(spec.target) === 0) return { inserted: 0, updated: 0 };
  const statement = upsertStatement(spec, source, sql`(xmax = 0) as inserted`);
  const [counts] = rowsOf<{ inserted: number; updated: number }>(
    await tx.execute(sql`with merged as (${statement})
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from merged`),
  );
  return counts ?? { inserted: 0, updated: 0 };
}
