// Writing one chunk of a run (prepared by prepare.ts): staged with its keys, which are claimed for the run in
// ingest_run_key (rows whose key an earlier chunk claimed are set aside as duplicates), then merged, with the
// quarantine and the new checkpoint written in the same transaction. A chunk that does not commit leaves no trace but
// its keys in ingest_run_key, which a retry recognises as its own (same key, same line), so a killed or failed run
// simply continues from its checkpoint.
import { eq, sql } from "drizzle-orm";

import { dataSourceRun, ingestQuarantine, ingestRunKey, rowsOf, type Db } from "@pharmacrm/db";

import { ConcurrentRunError } from "../errors";
import { restoreDeferredIndexes } from "../load/deferred-indexes";
import { type Stager, type StageSource } from "../load/stage";
import { type ChunkSource } from "./chunk-source";
import { Cursor } from "./cursor";
import { addCounts, detailsOf, type RunRow } from "./details";
import { CLAIM_TARGET, prepareChunk, type PreparedChunk, type Quarantined } from "./prepare";
import { type Session } from "./session";

export interface ChunkState {
  run: RunRow;
  session: Session;
  source: ChunkSource;
  stager: Stager;
}

/**
 * Records the staged chunk's keys for the run and returns the lines whose key an earlier chunk claimed, with that
 * chunk's line. A key stored with the row's own line comes from an earlier attempt at this same chunk that did not
 * commit: not a duplicate.
 */
async function claimKeys(db: Db, runId: string, source: StageSource): Promise<Map<number, number>> {
  const claimed = source.count(CLAIM_TARGET);
  if (claimed === 0) return new Map();
  const [fresh] = rowsOf<{ n: number }>(
    await db.execute(sql`with fresh as (
        insert into ${ingestRunKey} (run_id, key, line) select ${runId}::uuid, r.key, r.line from ${source.from(CLAIM_TARGET)}
        order by r.key on conflict do nothing returning 1
      ) select count(*)::int as n from fresh`),
  );
  if (fresh?.n === claimed) return new Map();
  const clashes = rowsOf<{ line: number; earlier: number }>(
    await db.execute(sql`select r.line, k.line as earlier from ${source.from(CLAIM_TARGET)}
      join ${ingestRunKey} k on k.run_id = ${runId}::uuid and k.key = r.key and k.line <> r.line`),
  );
  return new Map(clashes.map((c) => [c.line, c.earlier]));
}

/** Reads the chunk again from its checkpoint, setting aside the rows an earlier chunk's keys claimed. */
async function prepareAgain(
  state: ChunkState,
  records: number,
  claimedEarlier: ReadonlyMap<number, number>,
): Promise<PreparedChunk> {
  const { run, session, stager } = state;
  const cursor = new Cursor(run.filePath!, run.bytesRead, run.lastLine + 1);
  try {
    return prepareChunk(session, await cursor.take(records), stager.format, claimedEarlier);
  } finally {
    await cursor.close();
  }
}

async function insertQuarantine(tx: Db, runId: string, rows: Quarantined[]) {
  const payload = JSON.stringify(
    rows.sort((a, b) => a.line - b.line).map((q) => ({ line: q.line, raw_row: q.rawRow, reason: q.reason })),
  );
  await tx.execute(sql`insert into ${ingestQuarantine} (run_id, line, raw_row, reason)
    select ${runId}::uuid, r.line, r.raw_row, r.reason from json_to_recordset(${payload}::json) as r(line integer, raw_row text, reason text)`);
}

async function lockRun(tx: Db, expected: RunRow): Promise<RunRow> {
  const [locked] = await tx.select().from(dataSourceRun).where(eq(dataSourceRun.id, expected.id)).for("update");
  if (!locked || locked.bytesRead !== expected.bytesRead || locked.status === "succeeded")
    throw new ConcurrentRunError(expected.id);
  return locked;
}

/** Commits the source's next chunk and returns the run as committed; `done` when the file had no more rows. */
export async function processChunk(
  state: ChunkState,
  options: { signal?: AbortSignal },
): Promise<{ run: RunRow; done: boolean }> {
  const { run, session, source, stager } = state;
  options.signal?.throwIfAborted();
  const readStarted = performance.now();
  let chunk = await source.next();
  if (!chunk) return { run, done: true };
  const readMs = performance.now() - readStarted;

  const writeStarted = performance.now();
  let rowsSource = await stager.stage(chunk.stage);
  const claimedEarlier = await claimKeys(stager.db, run.id, rowsSource);
  if (claimedEarlier.size > 0) {
    // Rare: rows repeating an earlier chunk's key were staged with this one; stage the chunk again without them.
    chunk = await prepareAgain(state, chunk.records, claimedEarlier);
    rowsSource = await stager.stage(chunk.stage);
  }
  const { records, end, nextLine, quarantined, valid, kinds } = chunk;
  const committed = await stager.transaction(async (tx) => {
    const locked = await lockRun(tx, run);
    const merged = valid > 0 ? await session.pipeline.merge(tx, rowsSource) : { inserted: 0, updated: 0 };
    if (quarantined.length > 0) await insertQuarantine(tx, run.id, quarantined);
    // Stopping here rolls the whole chunk back, as a kill would.
    options.signal?.throwIfAborted();
    const details = detailsOf(locked);
    const timings = details.timings ?? { checksumMs: 0, readMs: 0, writeMs: 0 };
    const [next] = await tx
      .update(dataSourceRun)
      .set({
        rowsRead: locked.rowsRead + records,
        rowsLoaded: locked.rowsLoaded + merged.inserted,
        rowsUpdated: locked.rowsUpdated + merged.updated,
        rowsUnchanged: locked.rowsUnchanged + valid - merged.inserted - merged.updated,
        rowsQuarantined: locked.rowsQuarantined + quarantined.length,
        bytesRead: end,
        lastLine: nextLine - 1,
        status: "running",
        error: null,
        updatedAt: new Date(),
        details: {
          ...details,
          kinds: addCounts(details.kinds, session.pipeline.kind ? kinds : undefined),
          tallies: addCounts(details.tallies, merged.tallies),
          chunks: (details.chunks ?? 0) + 1,
          timings: {
            ...timings,
            readMs: Math.round(timings.readMs + readMs),
            writeMs: Math.round(timings.writeMs + performance.now() - writeStarted),
          },
        },
      })
      .where(eq(dataSourceRun.id, run.id))
      .returning();
    return next!;
  });
  return { run: committed, done: false };
}

/** After the last chunk: the dataset's final step, the run's keys dropped, the run marked succeeded. */
export async function finalizeRun(db: Db, run: RunRow, session: Session): Promise<RunRow> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    await lockRun(tx, run);
    // A bulk load's indexes first: the final step (refreshing totals, analyzing) reads through them.
    await restoreDeferredIndexes(tx, run.id);
    const tallies = (await session.pipeline.finalize?.(tx, run.id)) ?? undefined;
    await tx.delete(ingestRunKey).where(eq(ingestRunKey.runId, run.id));
    const [locked] = await tx.select().from(dataSourceRun).where(eq(dataSourceRun.id, run.id));
    const details = detailsOf(locked!);
    const timings = details.timings ?? { checksumMs: 0, readMs: 0, writeMs: 0 };
    const [done] = await tx
      .update(dataSourceRun)
      .set({
        status: "succeeded",
        error: null,
        finishedAt: new Date(),
        updatedAt: new Date(),
        details: {
          ...details,
          tallies: addCounts(details.tallies, tallies),
          timings: { ...timings, finalizeMs: Math.round(performance.now() - started) },
        },
      })
      .where(eq(dataSourceRun.id, run.id))
      .returning();
    return done!;
  });
}
