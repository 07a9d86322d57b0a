// Expected failures of an ingestion, as typed errors whose messages a person can act on.

/** The file cannot be ingested as asked (missing columns, no data year, no header…); nothing was loaded. */
export class IngestionError extends Error {
  override readonly name = "IngestionError";
}

/** Another process advanced the same run meanwhile; this one stops without writing. */
export class ConcurrentRunError extends Error {
  override readonly name = "ConcurrentRunError";
  constructor(runId: string) {
    super(`run ${runId} was advanced by another process; stopping this one`);
  }
}

/** The run was stopped by its caller (an AbortSignal); it resumes from its last checkpoint. */
export class IngestionAbortedError extends Error {
  override readonly name = "IngestionAbortedError";
  constructor(
    readonly runId: string,
    readonly line: number,
  ) {
    super(`stopped by request after line ${line}; run it again to resume`);
  }
}
