// The NPPES companion files list, for each NPI they mention, its complete current set (of secondary practice
// locations, other names, endpoints). When a run succeeds, rows of those NPIs that the file no longer lists are
// removed; NPIs the file does not mention are left alone. The run's keys (ingest_run_key) are "npi|row key".
import { createHash } from "node:crypto";
import { getTableName, sql, type SQL } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";

import { ingestRunKey, rowsOf, type Db } from "@pharmacrm/db";

import { code } from "../fields/values";
import { upsertCounting } from "../load/merge";
import { type StageSource } from "../load/stage";
import { nppesRelease } from "./release";
import { type RunInput } from "./types";

/**
 * A short stable identity for a row's distinguishing fields, the same whether computed from the raw record or the
 * validated row: trimmed, case- and spacing-insensitive, pandas' ".0" dropped.
 */
export const rowHash = (parts: readonly (string | null | undefined)[]): string =>
  createHash("md5")
    .update(parts.map((part) => (code(part ?? undefined) ?? "").toUpperCase().replace(/\s+/g, " ")).join("\u0001"))
    .digest("hex");

/** A postal code's characters for an identity: "02134-1234" and "021341234" are the same code. */
export const postalIdentity = (raw: string | null | undefined): string | null =>
  code(raw ?? undefined)?.replace(/[^0-9A-Za-z]/g, "") ?? null;

/** Deletes rows of `table` for NPIs of this run whose `rowKey` expression is not among the run's keys. */
export async function removeUnlisted(tx: Db, runId: string, table: string, rowKey: SQL): Promise<number> {
  const removed = rowsOf<{ npi: string }>(
    await tx.execute(sql`delete from ${sql.identifier(table)} t
      where t.npi in (select split_part(k.key, '|', 1) from ${ingestRunKey} k where k.run_id = ${runId})
        and not exists (select 1 from ${ingestRunKey} k where k.run_id = ${runId} and k.key = t.npi || '|' || ${rowKey})
      returning t.npi`),
  );
  return removed.length;
}

/**
 * What the three companion pipelines share: the release from the file name, one staged target upserted on
 * its key (NPI and the row's identity), and, when the run succeeds, the removal of rows an NPI no longer lists.
 */
export function companionFile(spec: {
  target: string;
  table: PgTable;
  conflict: readonly string[];
  rowKey: SQL;
  touch?: string;
}) {
  const { target, table } = spec;
  return {
    describe: ({ fileName }: RunInput) => ({ dataYear: null, release: nppesRelease(fileName) }),
    stage: (rows: readonly Record<string, unknown>[]) => ({ [target]: { table, rows } }),
    merge: (tx: Db, source: StageSource) =>
      upsertCounting(
        tx,
        { target, table, conflict: spec.conflict, ...(spec.touch ? { touch: spec.touch } : {}) },
        source,
      ),
    finalize: async (tx: Db, runId: string) => ({
      removed: await removeUnlisted(tx, runId, getTableName(table), spec.rowKey),
    }),
  };
}
