// Writing one chunk of a run (prepared by prepare.ts): rows whose key an earlier chunk claimed are set aside as
// duplicates (through ingest_run_key), the rest staged and merged, and the quarantine and the new checkpoint written
// in the same transaction. A chunk that does not commit leaves no trace but its keys in ingest_run_key, which a
// retry recognises as its own (same key, same line), so a killed or failed run simply continues from its checkpoint.
import { dataSourceRun, ingestQuarantine, ingestRunKey, rowsOf, type Db } from "@pharmacrm/db";
import { eq, sql } from "drizzle-orm";
import { ConcurrentRunError } from "../errors";
import { prepareStage, type Stager } from "../load/stage";
import { type ChunkSource } from "./chunk-source";
import { addCounts, detailsOf, type RunRow } from "./details";
import { duplicateReason, validRows, type Claim, type Quarantined } from "./prepare";
import { type Session } from "./session";

export interface ChunkState {
  run: RunRow;
  session: Session;
  source: ChunkSource;
  stager: Stager;
}

/**
 * Records the chunk's keys for the run; a key an earlier chunk claimed makes this row its duplicate. A key stored
 * with the row's own line comes from an earlier attempt at this same chunk that did not commit: not a duplicate.
 */
async function claimKeys(db: Db, runId: string, claims: readonly Claim[]): Promise<Map<string, number>> {
  const earlier = new Map<string, number>();
  if (claims.length === 0) return earlier;
  const keys = JSON.stringify(claims.map((c) => [c.key, c.line]));
  const fresh = rowsOf<{ key: string }>(
    await db.execute(sql`insert into ${ingestRunKey} (run_id, key, line)
      select ${runId}::uuid, e->>0, (e->>1)::integer from json_array_elements(${keys}::json) e
      on conflict do nothing returning key`),
  );
  if (fresh.length === claims.length) return earlier;
  const isFresh = new Set(fresh.map((r) => r.key));
  const clashing = claims.filter((c) => !isFresh.has(c.key)).map((c) => c.key);
  const stored = rowsOf<{ key: string; line: number }>(
    await db.execute(sql`select key, line from ${ingestRunKey}
      where run_id = ${runId} and key in (select json_array_elements_text(${JSON.stringify(clashing)}::json))`),
  );
  const own = new Map(claims.map((c) => [c.key, c.line]));
  for (const { key, line } of stored) if (line !== own.get(key)) earlier.set(key, line);
  return earlier;
}

async function insertQuarantine(tx: Db, runId: string, rows: Quarantined[]) {
  const payload = JSON.stringify(rows.sort((a, b) => a.line - b.line).map((q) => ({ line: q.line, raw_row: q.rawRow, reason: q.reason })));
  await tx.execute(sql`insert into ${ingestQuarantine} (run_id, line, raw_row, reason)
    select ${runId}::uuid, r.line, r.raw_row, r.reason from json_to_recordset(${payload}::json) as r(line integer, raw_row text, reason text)`);
}

async function lockRun(tx: Db, expected: RunRow): Promise<RunRow> {
  const [locked] = await tx.select().from(dataSourceRun).where(eq(dataSourceRun.id, expected.id)).for("update");
  if (!locked || locked.bytesRead !== expected.bytesRead || locked.status === "succeeded") throw new ConcurrentRunError(expected.id);
  return locked;
}

/** Commits the source's next chunk and returns the run as committed; `done` when the file had no more rows. */
export async function processChunk(db: Db, state: ChunkState, options: { signal?: AbortSignal }): Promise<{ run: RunRow; done: boolean }> {
  const { run, session, source, stager } = state;
  options.signal?.throwIfAborted();
  const readStarted = performance.now();
  const chunk = await source.next();
  if (!chunk) return { run, done: true };
  const earlier = await claimKeys(db, run.id, chunk.claims);
  const quarantined = [...chunk.quarantined];
  const dropped = new Set<number>();
  for (const claim of chunk.claims) {
    const line = earlier.get(claim.key);
    if (line !== undefined) {
      quarantined.push({ line: claim.line, rawRow: claim.rawRow, reason: duplicateReason(line, claim.label) });
      if (claim.row >= 0) dropped.add(claim.row);
    } else if (claim.rejected) quarantined.push(claim.rejected);
  }
  // Rare: a row duplicating an earlier chunk's key was staged with its chunk; stage again without it.
  const staged =
    dropped.size === 0 ? chunk.stage : prepareStage(session.pipeline.stage(validRows(chunk).filter((_, i) => !dropped.has(i))), chunk.stage.format);
  const validCount = chunk.kinds.length - dropped.size;
  const kinds: Record<string, number> = {};
  chunk.kinds.forEach((kind, i) => {
    if (kind !== null && !dropped.has(i)) kinds[kind] = (kinds[kind] ?? 0) + 1;
  });
  const readMs = performance.now() - readStarted;

  const writeStarted = performance.now();
  const rowsSource = await stager.stage(staged);
  const committed = await db.transaction(async (tx) => {
    const locked = await lockRun(tx, run);
    const merged = validCount > 0 ? await session.pipeline.merge(tx, rowsSource) : { inserted: 0, updated: 0 };
    await stager.clear(tx);
    if (quarantined.length > 0) await insertQuarantine(tx, run.id, quarantined);
    // Stopping here rolls the whole chunk back, as a kill would.
    options.signal?.throwIfAborted();
    const details = detailsOf(locked);
    const timings = details.timings ?? { checksumMs: 0, readMs: 0, writeMs: 0 };
    const [next] = await tx
      .update(dataSourceRun)
      .set({
        rowsRead: locked.rowsRead + chunk.records,
        rowsLoaded: locked.rowsLoaded + merged.inserted,
        rowsUpdated: locked.rowsUpdated + merged.updated,
        rowsUnchanged: locked.rowsUnchanged + validCount - merged.inserted - merged.updated,
        rowsQuarantined: locked.rowsQuarantined + quarantined.length,
        bytesRead: chunk.end,
        lastLine: chunk.nextLine - 1,
        status: "running",
        error: null,
        updatedAt: new Date(),
        details: {
          ...details,
          kinds: addCounts(details.kinds, session.pipeline.kind ? kinds : undefined),
          tallies: addCounts(details.tallies, merged.tallies),
          chunks: (details.chunks ?? 0) + 1,
          timings: { ...timings, readMs: Math.round(timings.readMs + readMs), writeMs: Math.round(timings.writeMs + performance.now() - writeStarted) },
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
    const locked = await lockRun(tx, run);
    const tallies = (await session.pipeline.finalize?.(tx, run.id)) ?? undefined;
    await tx.delete(ingestRunKey).where(eq(ingestRunKey.runId, run.id));
    const details = detailsOf(locked);
    const timings = details.timings ?? { checksumMs: 0, readMs: 0, writeMs: 0 };
    const [done] = await tx
      .update(dataSourceRun)
      .set({
        status: "succeeded",
        error: null,
        finishedAt: new Date(),
        updatedAt: new Date(),
        details: { ...details, tallies: addCounts(details.tallies, tallies), timings: { ...timings, finalizeMs: Math.round(performance.now() - started) } },
      })
      .where(eq(dataSourceRun.id, run.id))
      .returning();
    return done!;
  });
}
