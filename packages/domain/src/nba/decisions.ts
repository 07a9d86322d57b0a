// Accepting or dismissing a next-best action. The decision records the suggestion as it is scored now (score,
// confidence, reasons) — recomputed here, not taken from the caller — so the record says what the person saw.
// nba_decision is append-only; a dismissal needs a reason.
import type { z } from "zod";

import { nbaDecision, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import type { Scope } from "../scope";
import { acceptNextBestActionInput, dismissNextBestActionInput } from "./input";
import { nextBestActions } from "./next-best-actions";

type Decision = { decision: "accepted"; reason: null } | { decision: "dismissed"; reason: string };

async function decide(
  db: Db,
  scope: Scope,
  input: z.output<typeof acceptNextBestActionInput>,
  decision: Decision,
  now: Date,
) {
  const reach = await requireHcpInReach(db, scope, input.npi);
  const { suggestions } = await nextBestActions(db, scope, { npi: input.npi, limit: 50 }, now);
  const suggestion = suggestions.find((s) => s.action === input.action);
  if (!suggestion)
    throw new DomainError(
      "CONFLICT",
      `A ${input.action.replace("_", "-")} is no longer suggested for ${reach.name}; refresh the list.`,
    );

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(nbaDecision)
      .values({
        orgId: scope.orgId,
        userId: scope.userId,
        hcpNpi: input.npi,
        action: input.action,
        score: suggestion.score.toFixed(1),
        confidence: suggestion.confidence.toFixed(2),
        reasons: suggestion.reasons,
        decision: decision.decision,
        reason: decision.reason,
        decidedAt: now,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: `nba.${decision.decision === "accepted" ? "accept" : "dismiss"}`,
      entityType: "nba_decision",
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export function acceptNextBestAction(
  db: Db,
  scope: Scope,
  raw: z.input<typeof acceptNextBestActionInput>,
  now: Date = new Date(),
) {
  return decide(db, scope, acceptNextBestActionInput.parse(raw), { decision: "accepted", reason: null }, now);
}

export function dismissNextBestAction(
  db: Db,
  scope: Scope,
  raw: z.input<typeof dismissNextBestActionInput>,
  now: Date = new Date(),
) {
  const input = dismissNextBestActionInput.parse(raw);
  return decide(db, scope, input, { decision: "dismissed", reason: input.reason }, now);
}
