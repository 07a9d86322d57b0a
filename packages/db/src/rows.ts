/** The rows of a `db.execute(sql…)` result: PGlite returns `{ rows }`, postgres.js an array of rows. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (((result as { rows?: T[] }).rows ?? []) as T[]);
