// What a model writes is untrusted text, its tool inputs included (a call refused for a NUL still shows its input).
// Postgres refuses NUL in text and jsonb, so one NUL would lose the turn's saved answer and its audit record: it is
// stored as U+FFFD instead, and everything else as written.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NUL = /\u0000/g;

/** A copy of plain JSON data with every NUL, in values and in keys, replaced by U+FFFD. */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replace(NUL, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item)])) as T;
  }
  return value;
}
