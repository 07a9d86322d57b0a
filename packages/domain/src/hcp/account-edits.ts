// Editing the org's fields on physicians from My accounts: one account's editor or a bulk edit of a selection, and
// the undo of either. All or nothing per request: every physician must be in the viewer's reach, the rows are locked,
// changed, and audited one event per physician (before and after) in one transaction. The undo puts back an account
// only if nobody changed it since the edit, and says which it left.
import { and, eq, inArray, sql } from "drizzle-orm";

import { hcp, hcpAttribute, type Db } from "@pharmacrm/db";

import { recordAudits } from "../audit";
import { forbidden } from "../errors";
import { zipInScope, type Scope } from "../scope";
import { orgTags } from "./accounts";
import {
  applyAccountChanges,
  restoreAccountsInput,
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

/** Refuses the whole request unless every NPI is an active individual practising where the viewer may act. */
async function requireAccountsInReach(db: Db, scope: Scope, npis: string[]): Promise<void> {
  const rows = await db
    .select({ npi: hcp.npi })
    .from(hcp)
    .where(and(inArray(hcp.npi, npis), ...activeIndividual(), zipInScope(scope, hcp.practiceZip5)));
  const missing = npis.length - rows.length;
  if (missing > 0)
    throw forbidden(
      missing === 1 && npis.length === 1
        ? "This physician is outside your territories."
        : `${missing} of the ${npis.length} physicians chosen are outside your territories or no longer practise; nothing was changed.`,
    );
}

/** Tags spelled as the org already spells them ("kol" becomes "KOL" if accounts are filed under "KOL"). */
async function inOrgSpelling(db: Db, orgId: string, changes: AccountChanges): Promise<AccountChanges> {
  const known = new Map((await orgTags(db, orgId)).map((t) => [t.toLowerCase(), t]));
  const spell = (tags: string[] | undefined) => tags?.map((t) => known.get(t.toLowerCase()) ?? t);
  return { ...changes, tags: spell(changes.tags), addTags: spell(changes.addTags) };
}

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
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, scope.orgId), inArray(hcpAttribute.hcpNpi, npis)))
      .for("update");
    const byNpi = new Map(current.map((r) => [r.hcpNpi, r]));
    const changed = npis
      .map((npi) => {
        const before = fieldsOf(npi, byNpi.get(npi));
        return { before, after: applyAccountChanges(before, changes) };
      })
      .filter(({ before, after }) => !sameFields(before, after));
    if (changed.length > 0) {
      await writeFields(
        tx,
        scope,
        changed.map((c) => c.after),
        now,
      );
      await recordAudits(
        tx,
        scope,
        changed.map(({ before, after }) => ({
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
      unchanged: npis.length - changed.length,
      changedAt: now,
      /** What an undo puts back: the changed accounts as they were. */
      undo: changed.map((c) => c.before),
      accounts: changed.map((c) => c.after),
    };
  });
}

/** Undo an edit: each account back as it was, unless it changed again after the edit (then left, and counted). */
export async function restoreAccounts(db: Db, scope: Scope, raw: RestoreAccountsInput, now = new Date()) {
  const { rows } = restoreAccountsInput.parse(raw);
  const unique = [...new Map(rows.map((r) => [r.npi, r])).values()];
  await requireAccountsInReach(
    db,
    scope,
    unique.map((r) => r.npi),
  );
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(hcpAttribute)
      .where(
        and(
          eq(hcpAttribute.orgId, scope.orgId),
          inArray(
            hcpAttribute.hcpNpi,
            unique.map((r) => r.npi),
          ),
        ),
      )
      .for("update");
    const byNpi = new Map(current.map((r) => [r.hcpNpi, r]));
    // The edit stamped its rows with its own time (milliseconds, as JavaScript keeps it); another change since
    // stamped a later one.
    const untouched = unique.filter((r) => byNpi.get(r.npi)?.updatedAt.getTime() === r.changedAt.getTime());
    const restored = untouched.map(({ changedAt: _, ...fields }) => fields);
    if (restored.length > 0) {
      await writeFields(tx, scope, restored, now);
      await recordAudits(
        tx,
        scope,
        restored.map((after) => ({
          action: "hcp.setAttributes",
          entityType: "hcp_attribute",
          entityId: after.npi,
          before: fieldsOf(after.npi, byNpi.get(after.npi)),
          after,
        })),
      );
    }
    return {
      restored: restored.length,
      /** Physicians changed again after the edit: left as they are now. */
      changedSince: unique.length - restored.length,
    };
  });
}
