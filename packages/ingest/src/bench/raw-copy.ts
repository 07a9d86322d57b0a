// The baseline the ingest benchmark compares against: the same CSV file COPYed as it is into an unindexed table of
// text columns — no parsing, validation, merging, quarantine or lineage. What the database alone can take in.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import postgres from "postgres";

import { rowsOf, type Database } from "@pharmacrm/db";

const TABLE = "bench_raw_copy";

/** COPYs `file` (a header row plus `columns` columns per row) into a fresh unindexed table; returns the rows copied. */
export async function rawCopy(database: Database, file: string, columns: number, url?: string): Promise<number> {
  const definition = Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(", ");
  await database.exec(`drop table if exists ${TABLE}; create unlogged table ${TABLE} (${definition})`);
  const statement = `copy ${TABLE} from stdin with (format csv, header true)`;
  if (database.driver === "postgres") {
    // A connection of its own, as the pipeline's COPY stager uses.
    const client = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const writable = await client.unsafe(statement).writable();
      await pipeline(createReadStream(file), writable);
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    // PGlite COPYs from a Blob: the whole file in memory, as PGlite offers no stream.
    await database.pglite!.query(statement.replace("stdin", "'/dev/blob'"), [], {
      blob: new Blob([await readFile(file)]),
    });
  }
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from ${TABLE}`)));
  await database.exec(`drop table ${TABLE}`);
  return Number(row?.n ?? 0);
}
