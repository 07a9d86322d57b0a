// The org's back-dating limit for call reports: a call is submitted at most this many days after it happened
// (none: no limit). Admins set it on the users screen; submit reads it (rules.ts).
import { eq } from "drizzle-orm";
import { z } from "zod";

import { org, type Db } from "@pharmacrm/db";

import { requireAdmin } from "../account/users";
import { recordAudit } from "../audit";
import type { Scope } from "../scope";

export const setCallBackdateInput = z.object({
  days: z
    .number({ message: "Enter a number of days." })
    .int("Whole days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days.")
    .nullable(),
});

export async function callReportPolicy(db: Db, scope: Scope): Promise<{ backdateDays: number | null }> {
  const [row] = await db.select({ days: org.callBackdateDays }).from(org).where(eq(org.id, scope.orgId));
  return { backdateDays: row?.days ?? null };
}

export async function setCallBackdateDays(db: Db, scope: Scope, raw: z.input<typeof setCallBackdateInput>) {
  requireAdmin(scope);
  const { days } = setCallBackdateInput.parse(raw);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ days: org.callBackdateDays })
      .from(org)
      .where(eq(org.id, scope.orgId))
      .for("update");
    if (!before || before.days === days) return;
    await tx.update(org).set({ callBackdateDays: days }).where(eq(org.id, scope.orgId));
    await recordAudit(tx, scope, {
      action: "org.call_backdate_days",
      entityType: "org",
      entityId: scope.orgId,
      before: { callBackdateDays: before.days },
      after: { callBackdateDays: days },
    });
  });
}
