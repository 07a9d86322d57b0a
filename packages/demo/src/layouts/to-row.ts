// Files are written from partial records keyed by official column names; absent columns become empty fields.
export type PartialRecord<C extends string> = Partial<Record<C, string>>;

export function toRow<C extends string>(header: readonly C[], record: PartialRecord<C>): string[] {
  return header.map((column) => record[column] ?? "");
}
