// The org's fields on many physicians from a CSV file: the columns found from the header row (or chosen), a dry run
// reporting every row set aside with its line, column and reason, then apply. A cell left empty keeps the account's
// value; tags in a cell (separated by ";" or "|") replace the account's tags. Applying writes the good rows in one
// transaction, each audited like an edit in My accounts. Reasons never quote the file's cells.
import type { z } from "zod";

import type { Db } from "@pharmacrm/db";

import { CALL_CHANNELS, channelTitle, type CallChannel } from "../channels";
import { applyOrDryRun, headerWord, readCsv } from "../csv-import";
import { DomainError } from "../errors";
import type { Scope } from "../scope";
import { NPI_PATTERN } from "../validation";
import { accountsInReach, editAccounts } from "./account-edits";
import { orgTags } from "./accounts";
import {
  ACCOUNT_IMPORT_FIELDS,
  ACCOUNT_IMPORT_TITLES,
  accountChangesInput,
  importAccountsInput,
  MAX_ACCOUNT_TAGS,
  type AccountChanges,
  type AccountImportField,
  type ImportAccountsInput,
} from "./accounts-input";

const MAX_ROWS = 20_000;

const HEADER_WORDS: Record<AccountImportField, string[]> = {
  npi: ["npi", "hcp npi", "npi number", "prescriber npi"],
  tier: ["tier", "account tier", "target tier"],
  segment: ["segment", "account segment"],
  preferredChannel: ["preferred channel", "channel", "channel preference", "preferred contact"],
  tags: ["tags", "tag", "labels"],
  notes: ["notes", "account notes", "comments"],
};

/** "In person", "in-person", "face to face", "Phone", "call" → the channel. */
const CHANNEL_WORDS: Record<string, CallChannel> = {
  ...Object.fromEntries(CALL_CHANNELS.map((c) => [headerWord(channelTitle[c]), c])),
  ...Object.fromEntries(CALL_CHANNELS.map((c) => [c.replace("_", " "), c])),
  "in-person": "in_person",
  "face to face": "in_person",
  f2f: "in_person",
  call: "phone",
  telephone: "phone",
  "video call": "video",
  "e-mail": "email",
};

export interface AccountSetAside {
  line: number;
  column: string;
  reason: string;
}

type Columns = NonNullable<z.output<typeof importAccountsInput>["columns"]>;

function columnsOf(header: string[], chosen?: Columns): Columns {
  if (chosen) {
    const used = ACCOUNT_IMPORT_FIELDS.map((f) => chosen[f]).filter((c): c is number => c !== null);
    if (used.some((c) => c >= header.length))
      throw new DomainError("BAD_REQUEST", "A column chosen is not in the file; choose again.");
    if (new Set(used).size !== used.length)
      throw new DomainError("BAD_REQUEST", "Choose a different column of the file for each field.");
    return chosen;
  }
  const find = (field: AccountImportField) => {
    const at = header.findIndex((cell) => HEADER_WORDS[field].includes(headerWord(cell)));
    return at < 0 ? null : at;
  };
  const npi = find("npi");
  if (npi === null)
    throw new DomainError(
      "BAD_REQUEST",
      "The first row must name the columns, one of them NPI (or choose the columns): Tier, Segment, Preferred channel, Tags, Notes.",
    );
  const found = {
    npi,
    tier: find("tier"),
    segment: find("segment"),
    preferredChannel: find("preferredChannel"),
    tags: find("tags"),
    notes: find("notes"),
  };
  if (ACCOUNT_IMPORT_FIELDS.every((f) => f === "npi" || found[f] === null))
    throw new DomainError(
      "BAD_REQUEST",
      "The file has an NPI column but no field to change: Tier, Segment, Preferred channel, Tags or Notes.",
    );
  return found;
}

/** Dry run or apply: how many accounts the file would change (or changed), and the rows set aside. */
export async function importAccounts(db: Db, scope: Scope, raw: ImportAccountsInput, now = new Date()) {
  const input = importAccountsInput.parse(raw);
  const [first, ...rows] = readCsv(input.csv);
  if (!first) throw new DomainError("BAD_REQUEST", "The file is empty.");
  if (rows.length > MAX_ROWS)
    throw new DomainError("BAD_REQUEST", `The file has over ${MAX_ROWS.toLocaleString("en-US")} rows; split it.`);
  const columns = columnsOf(first.cells, input.columns);
  const known = new Map((await orgTags(db, scope.orgId)).map((t) => [t.toLowerCase(), t]));

  const setAside: AccountSetAside[] = [];
  const wanted = new Map<string, { changes: AccountChanges; line: number }>();
  for (const { cells, line } of rows) {
    const cell = (field: AccountImportField) => {
      const at = columns[field];
      return at === null ? "" : (cells[at] ?? "").trim();
    };
    const npi = cell("npi");
    if (!NPI_PATTERN.test(npi)) {
      setAside.push({ line, column: "NPI", reason: npi ? "An NPI is 10 digits." : "The NPI is missing." });
      continue;
    }
    const earlier = wanted.get(npi);
    if (earlier) {
      setAside.push({
        line,
        column: "NPI",
        reason: `The same NPI is also on line ${earlier.line}; only the first is read.`,
      });
      continue;
    }
    const channelText = cell("preferredChannel");
    const channel = channelText ? CHANNEL_WORDS[headerWord(channelText)] : undefined;
    if (channelText && !channel) {
      setAside.push({ line, column: "Preferred channel", reason: "Use In person, Phone, Video or Email." });
      continue;
    }
    const tagsText = cell("tags");
    const split = tagsText
      .split(/[;|]/)
      .map((t) => t.trim())
      .filter(Boolean);
    // A cell of separators only (";") is as good as empty: it keeps the account's tags.
    const tags = split.length > 0 ? split : undefined;
    const changes = {
      tier: cell("tier") || undefined,
      segment: cell("segment") || undefined,
      notes: cell("notes") || undefined,
      preferredChannel: channel,
      tags: tags?.map((t) => known.get(t.toLowerCase()) ?? t),
    };
    if (Object.values(changes).every((v) => v === undefined)) {
      setAside.push({ line, column: "NPI", reason: "Nothing to change: every other cell is empty." });
      continue;
    }
    const checked = accountChangesInput.safeParse(changes);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path[0] as AccountImportField | undefined;
      setAside.push({ line, column: field ? ACCOUNT_IMPORT_TITLES[field] : "NPI", reason: issue.message });
      continue;
    }
    if ((checked.data.tags?.length ?? 0) > MAX_ACCOUNT_TAGS) {
      setAside.push({ line, column: "Tags", reason: `An account carries at most ${MAX_ACCOUNT_TAGS} tags.` });
      continue;
    }
    wanted.set(npi, { changes: checked.data, line });
  }

  const reachable = new Set<string>();
  const npis = [...wanted.keys()];
  for (let i = 0; i < npis.length; i += 1000)
    for (const npi of await accountsInReach(db, scope, npis.slice(i, i + 1000))) reachable.add(npi);
  for (const [npi, { line }] of wanted)
    if (!reachable.has(npi)) {
      setAside.push({ line, column: "NPI", reason: "No physician practising in your territories has this NPI." });
      wanted.delete(npi);
    }
  setAside.sort((a, b) => a.line - b.line);

  const edits = [...wanted].map(([npi, { changes }]) => ({ npi, changes }));
  const report = await applyOrDryRun(db, input.apply, async (tx) => {
    const { updated, unchanged } = await editAccounts(tx, scope, edits, now, { audit: input.apply });
    return { updated, unchanged };
  });
  return { applied: input.apply, rows: rows.length, columns, ...report, setAside };
}
