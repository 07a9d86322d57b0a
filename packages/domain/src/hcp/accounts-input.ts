// My accounts' inputs: the list (filters, sort, page), an edit of the org's fields on one or many physicians, and the
// undo of such an edit. No database imports: the screens validate with the same schemas (@pharmacrm/domain/accounts-input).
import { z } from "zod";

import { CALL_CHANNELS } from "../channels";
import { npiField, plainText, pointInTime } from "../validation";

export const ACCOUNT_SORTS = ["name", "specialty", "city", "tier", "segment", "decile", "lastCall"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** "Not called in N days": the choices a rep filters by. */
export const NOT_CALLED_DAYS = [30, 60, 90] as const;

/** How many physicians one edit or undo request may touch; the screen sends a larger selection in batches. */
export const ACCOUNT_BATCH = 200;
/** How many physicians "select all that match" may gather. */
export const ACCOUNT_SELECT_CAP = 5_000;
/** Tags one request adds or removes. */
export const MAX_TAGS = 10;
/** Tags one account carries. */
export const MAX_ACCOUNT_TAGS = 20;

const tierField = plainText("The tier").max(10, "A tier is at most 10 characters.");
const segmentField = plainText("The segment").max(40, "A segment name is at most 40 characters.");
const notesField = plainText("Notes").max(4000, "Notes are limited to 4,000 characters.");
/** A tag: 1–30 characters, inner spacing collapsed. */
export const tagField = plainText("A tag")
  .transform((t) => t.replace(/\s+/g, " "))
  .pipe(z.string().min(1, "A tag cannot be empty.").max(30, "A tag is at most 30 characters."));
/** A cleared field: null or empty text both mean "not set". */
const clearable = <T extends z.ZodType<string, string>>(field: T) =>
  field.nullable().transform((v): string | null => v || null);

const tagList = z.array(tagField).max(MAX_TAGS, `At most ${MAX_TAGS} tags at once.`);

const listFilters = {
  q: plainText("Search text").max(100, "Search text is limited to 100 characters.").optional(),
  tier: tierField.optional(),
  segment: segmentField.optional(),
  tag: tagField.optional(),
  notCalledDays: z
    .number()
    .int()
    .refine((n) => (NOT_CALLED_DAYS as readonly number[]).includes(n), "Choose 30, 60 or 90 days.")
    .optional(),
};

export const accountListInput = z.object({
  ...listFilters,
  sort: z.enum(ACCOUNT_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(50),
});
export type AccountListInput = z.input<typeof accountListInput>;

/** The same filters, for "select all that match". */
export const accountNpisInput = z.object(listFilters);

/**
 * What to change on each chosen physician. A field left out keeps its value; null clears it. `tags` replaces the
 * list (one account's editor); `addTags`/`removeTags` change it (a bulk edit).
 */
export const accountChangesInput = z
  .object({
    tier: clearable(tierField).optional(),
    segment: clearable(segmentField).optional(),
    notes: clearable(notesField).optional(),
    preferredChannel: z.enum(CALL_CHANNELS, { message: "Choose a channel from the list." }).nullable().optional(),
    tags: z.array(tagField).max(MAX_ACCOUNT_TAGS, `An account carries at most ${MAX_ACCOUNT_TAGS} tags.`).optional(),
    addTags: tagList.optional(),
    removeTags: tagList.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "Choose something to change." })
  .refine((c) => c.tags === undefined || (c.addTags === undefined && c.removeTags === undefined), {
    message: "Either replace the tags or add and remove some, not both.",
    path: ["tags"],
  });
export type AccountChanges = z.output<typeof accountChangesInput>;

const npiList = z
  .array(npiField())
  .min(1, "Choose at least one physician.")
  .max(ACCOUNT_BATCH, `At most ${ACCOUNT_BATCH} physicians in one request.`);

export const updateAccountsInput = z.object({ npis: npiList, changes: accountChangesInput });
export type UpdateAccountsInput = z.input<typeof updateAccountsInput>;

/** The editable fields of an account as they were: what an undo puts back. */
export const accountFieldsSchema = z.object({
  npi: npiField(),
  tier: clearable(tierField),
  segment: clearable(segmentField),
  notes: clearable(notesField),
  preferredChannel: z.enum(CALL_CHANNELS).nullable(),
  tags: z.array(tagField).max(MAX_ACCOUNT_TAGS, `An account carries at most ${MAX_ACCOUNT_TAGS} tags.`),
});
export type AccountFields = z.output<typeof accountFieldsSchema>;

/** An undo: each account's earlier fields, put back only if nobody changed it since the edit (`changedAt`). */
export const restoreAccountsInput = z.object({
  rows: z
    .array(accountFieldsSchema.extend({ changedAt: pointInTime("The edit's time", "The edit's time is not a time.") }))
    .min(1, "Nothing to undo.")
    .refine((rows) => new Set(rows.map((r) => r.npi)).size === rows.length, "Each physician at most once.")
    .max(ACCOUNT_BATCH, `At most ${ACCOUNT_BATCH} physicians in one request.`),
});
export type RestoreAccountsInput = z.input<typeof restoreAccountsInput>;

/** A tag list without repeats whatever the case, the first spelling kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An account's fields after a change: fields left out keep their value, tags replaced or added to and taken from. */
export function applyAccountChanges(before: AccountFields, changes: AccountChanges): AccountFields {
  const removed = new Set((changes.removeTags ?? []).map((t) => t.toLowerCase()));
  const tags =
    changes.tags ?? [...before.tags, ...(changes.addTags ?? [])].filter((t) => !removed.has(t.toLowerCase()));
  return {
    npi: before.npi,
    tier: changes.tier === undefined ? before.tier : changes.tier,
    segment: changes.segment === undefined ? before.segment : changes.segment,
    notes: changes.notes === undefined ? before.notes : changes.notes,
    preferredChannel: changes.preferredChannel === undefined ? before.preferredChannel : changes.preferredChannel,
    tags: uniqueTags(tags),
  };
}

/** The fields an accounts file may carry, in the order the import screen lists them. */
export const ACCOUNT_IMPORT_FIELDS = ["npi", "tier", "segment", "preferredChannel", "tags", "notes"] as const;
export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number];

export const ACCOUNT_IMPORT_TITLES: Record<AccountImportField, string> = {
  npi: "NPI",
  tier: "Tier",
  segment: "Segment",
  preferredChannel: "Preferred channel",
  tags: "Tags",
  notes: "Notes",
};

/** Which column holds what, by position; null: the file has no such column. */
const columnIndex = z.number().int().min(0).max(199).nullable();

export const importAccountsInput = z.object({
  csv: z
    .string({ message: "Send the file's text." })
    .min(1, "The file is empty.")
    .max(2_000_000, "The file is over 2 MB; split it."),
  /** Unset: found from the header row. */
  columns: z
    .object({
      npi: z.number().int().min(0).max(199),
      tier: columnIndex,
      segment: columnIndex,
      preferredChannel: columnIndex,
      tags: columnIndex,
      notes: columnIndex,
    })
    .optional(),
  /** False: a dry run that changes nothing and reports what applying would do. */
  apply: z.boolean().default(false),
});
export type ImportAccountsInput = z.input<typeof importAccountsInput>;
