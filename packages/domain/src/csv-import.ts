// What every CSV import shares: reading the file (csv-parse) into records with the line each ends on, and the dry
// run — the import's own writes run in a transaction that is then rolled back, so it reports exactly what applying
// would do. Errors never quote the file's cells.
import { parse } from "csv-parse/sync";

import type { Db } from "@pharmacrm/db";

import { DomainError } from "./errors";

/** The file's records, each with the line it ends on (blank lines skipped, a quoted cell may span lines). */
export function readCsv(text: string): { cells: string[]; line: number }[] {
  try {
    const records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError(
      "BAD_REQUEST",
      `The file is not readable CSV${line ? ` (near line ${line})` : ""}: check its quotes and commas.`,
    );
  }
}

/** A header cell as compared with the names an import knows: trimmed, lower case, single spaces. */
export const headerWord = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");

const DRY_RUN = new Error("dry run");

/** Apply `run` in a transaction, or (a dry run) run it and roll it back, returning its report either way. */
export async function applyOrDryRun<T>(db: Db, apply: boolean, run: (tx: Db) => Promise<T>): Promise<T> {
  if (apply) return db.transaction(run);
  let report: T | undefined;
  await db
    .transaction(async (tx) => {
      report = await run(tx);
      throw DRY_RUN;
    })
    .catch((error: unknown) => {
      if (error !== DRY_RUN) throw error;
    });
  return report!;
}
