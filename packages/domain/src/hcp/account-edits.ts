// Editing the org's fields on physicians from My accounts: one account's editor or a bulk edit of a selection, and
// the undo of either. All or nothing per request: every physician must be in the viewer's reach, the rows are locked,
// changed, and audited one event per physician (before and after) in one transaction. The undo puts back an account
// only if nobody changed it since the edit, and says which it left.
import { and, eq, inArray, sql } from "drizzle-orm";

import { hcp, hcpAttribute, type Db } from "@pharmacrm/db";

import { recordAudits } from "../audit";
import { DomainError, forbidden } from "../errors";
import { zipInScope, type Scope } from "../scope";
import { orgTags } from "./accounts";
import {
  applyAccountChanges,
  MAX_ACCOUNT_TAGS,
  restoreAccountsInput,
  uniqueTags,
  updateAccountsInput,
  type AccountChanges,
  type AccountFields,
  type RestoreAccountsInput,
  type UpdateAccountsInput,
} from "./accounts-input";
import { activeIndividual } from "./list";

type AttributeRow = typeof hcpAttribute.$inferSelect;

const fieldsOf = (npi: string, row: AttributeRow | undefined): AccountFields => ({
  npi,
  tier: row?.tier ?? null,
  segment: row?.segment ?? null,
  notes: row?.notes ?? null,
  preferredChannel: row?.preferredChannel ?? null,
  tags: row?.tags ?? [],
});

const sameFields = (a: AccountFields, b: AccountFields) => JSON.stringify(a) === JSON.stringify(b);

/** Of these NPIs, the active individuals practising where the viewer may act. */
export async function accountsInReach(db: Db, scope: Scope, npis: string[]): Promise<string[]> {
  const rows = await db
    .select({ npi: hcp.npi })
    .from(hcp)
    .where(and(inArray(hcp.npi, npis), ...activeIndividual(), zipInScope(scope, hcp.practiceZip5)));
  return rows.map((r) => r.npi);
}

/** Refuses the whole request unless every NPI is an active individual practising where the viewer may act. */
async function requireAccountsInReach(db: Db, scope: Scope, npis: string[]): Promise<void> {
  const missing = npis.length - (await accountsInReach(db, scope, npis)).length;
  if (missing > 0)
    throw forbidden(
      missing === 1 && npis.length === 1
        ? "This physician is outside your territories."
        : `${missing} of the ${npis.length} physicians chosen are outside your territories or no longer practise; nothing was changed.`,
    );
}

/** Tags spelled as the org already spells them ("kol" becomes "KOL" if accounts are filed under "KOL"). */
export async function inOrgSpelling(db: Db, orgId: string, changes: AccountChanges): Promise<AccountChanges> {
  const known = new Map((await orgTags(db, orgId)).map((t) => [t.toLowerCase(), t]));
  const spell = (tags: string[] | undefined) => tags?.map((t) => known.get(t.toLowerCase()) ?? t);
  return { ...changes, tags: spell(changes.tags), addTags: spell(changes.addTags) };
}

/**
 * The accounts' rows, locked for this transaction: created first where missing (so two first edits of the same
 * physician take turns instead of overwriting each other), and locked in NPI order (so two overlapping bulk edits
 * cannot deadlock).
 */
async function lockAccounts(tx: Db, scope: Scope, npis: string[]): Promise<Map<string, AttributeRow>> {
  const locked = new Map<string, AttributeRow>();
  // In chunks for a large file, still in one NPI order across them.
  for (const chunk of chunks([...npis].sort())) {
    await tx
      .insert(hcpAttribute)
      .values(chunk.map((npi) => ({ orgId: scope.orgId, hcpNpi: npi })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, scope.orgId), inArray(hcpAttribute.hcpNpi, chunk)))
      .orderBy(hcpAttribute.hcpNpi)
      .for("update");
    for (const r of rows) locked.set(r.hcpNpi, r);
  }
  return locked;
}

/** At most 1,000 at a time: a statement's parameters stay well under the drivers' limit. */
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / 1000) }, (_, i) => items.slice(i * 1000, (i + 1) * 1000));

async function writeFields(tx: Db, scope: Scope, rows: AccountFields[], at: Date) {
  await tx
    .insert(hcpAttribute)
    .values(
      rows.map(({ npi, ...fields }) => ({
        orgId: scope.orgId,
        hcpNpi: npi,
        ...fields,
        updatedById: scope.userId,
        updatedAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [hcpAttribute.orgId, hcpAttribute.hcpNpi],
      set: {
        tier: sql`excluded.tier`,
        segment: sql`excluded.segment`,
        notes: sql`excluded.notes`,
        preferredChannel: sql`excluded.preferred_channel`,
        tags: sql`excluded.tags`,
        updatedById: sql`excluded.updated_by_id`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export async function updateAccounts(db: Db, scope: Scope, raw: UpdateAccountsInput, now = new Date()) {
  const input = updateAccountsInput.parse(raw);
  const npis = [...new Set(input.npis)];
  await requireAccountsInReach(db, scope, npis);
  const changes = await inOrgSpelling(db, scope.orgId, input.changes);
  return db.transaction((tx) =>
    editAccounts(
      tx,
      scope,
      npis.map((npi) => ({ npi, changes })),
      now,
    ),
  );
}

/**
 * Inside the caller's transaction: every account locked first (in NPI order), then changed as asked, written and
 * audited (one event each; a dry run that will be rolled back skips the audit, which would hold the org's audit chain);
 * accounts the change leaves as they were are counted, not written. Refused whole if one would carry too many tags.
 */
export async function editAccounts(
  tx: Db,
  scope: Scope,
  edits: { npi: string; changes: AccountChanges }[],
  now: Date,
  { audit = true }: { audit?: boolean } = {},
) {
  const byNpi = await lockAccounts(
    tx,
    scope,
    edits.map((e) => e.npi),
  );
  const changed = edits
    .map(({ npi, changes }) => {
      const before = fieldsOf(npi, byNpi.get(npi));
      return { before, after: applyAccountChanges(before, changes) };
    })
    .filter(({ before, after }) => !sameFields(before, after));
  // Only where this edit changes the tags: an account over the limit from before keeps its other fields editable.
  const overfull = changed.filter(
    (c) => c.after.tags.length > MAX_ACCOUNT_TAGS && c.after.tags.join("\n") !== c.before.tags.join("\n"),
  ).length;
  if (overfull > 0)
    throw new DomainError(
      "BAD_REQUEST",
      overfull === edits.length && edits.length === 1
        ? `An account carries at most ${MAX_ACCOUNT_TAGS} tags; remove one first.`
        : `${overfull} of the chosen accounts would carry more than ${MAX_ACCOUNT_TAGS} tags; nothing was changed.`,
    );
  for (const part of chunks(changed)) {
    await writeFields(
      tx,
      scope,
      part.map((c) => c.after),
      now,
    );
    if (audit)
      await recordAudits(
        tx,
        scope,
        part.map(({ before, after }) => ({
          action: "hcp.setAttributes",
          entityType: "hcp_attribute",
          entityId: after.npi,
          before,
          after,
        })),
      );
  }
  return {
    updated: changed.length,
    unchanged: edits.length - changed.length,
    changedAt: now,
    /** What an undo puts back: the changed accounts as they were. */
    undo: changed.map((c) => c.before),
    accounts: changed.map((c) => c.after),
  };
}

/** Undo an edit: each account back as it was, unless it changed again after the edit (then left, and counted). */
export async function restoreAccounts(db: Db, scope: Scope, raw: RestoreAccountsInput, now = new Date()) {
  const { rows } = restoreAccountsInput.parse(raw);
  // An account out of reach now (realigned, deactivated) is left as it is and counted with those changed since.
  const reachable = new Set(await accountsInReach(db, scope, [...new Set(rows.map((r) => r.npi))]));
  const wanted = rows.filter((r) => reachable.has(r.npi));
  return db.transaction(async (tx) => {
    const byNpi = wanted.length ? await lockAccounts(tx, scope, [...reachable]) : new Map<string, AttributeRow>();
    // The edit stamped its rows with its own time (milliseconds, as JavaScript keeps it); another change since —
    // an edit, the copilot's, an erasure — stamped a later one.
    const untouched = wanted.filter((r) => byNpi.get(r.npi)?.updatedAt.getTime() === r.changedAt.getTime());
    const restored = untouched.map(({ changedAt: _, ...fields }) => ({ ...fields, tags: uniqueTags(fields.tags) }));
    if (restored.length > 0) {
      await writeFields(tx, scope, restored, now);
      await recordAudits(
        tx,
        scope,
        restored.map((after) => ({
          action: "hcp.undoSetAttributes",
          entityType: "hcp_attribute",
          entityId: after.npi,
          before: fieldsOf(after.npi, byNpi.get(after.npi)),
          after,
        })),
      );
    }
    return {
      restored: restored.length,
      /** Physicians changed again after the edit, or out of reach now: left as they are. */
      changedSince: rows.length - restored.length,
    };
  });
}
