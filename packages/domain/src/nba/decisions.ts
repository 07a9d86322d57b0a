// Accepting or dismissing a next-best action. The decision records the suggestion as it is scored now (score,
// confidence, reasons) — recomputed here, not taken from the caller — so the record says what the person saw.
// Accepting also creates the task the action names (the person's click is the approval), due in three days, in
// the same transaction. nba_decision is append-only; a dismissal needs a reason.
import type { z } from "zod";

import { nbaDecision, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import type { Scope } from "../scope";
import { insertTask } from "../task/task";
import { acceptNextBestActionInput, dismissNextBestActionInput } from "./input";
import { nextBestActions } from "./next-best-actions";
import type { NbaSuggestion } from "./score";

const TASK_DUE_DAYS = 3;

/** The task an accepted action becomes: what to do, with whom, and why (the reasons as scored). */
function taskFor(suggestion: NbaSuggestion, now: Date) {
  const { name } = suggestion;
  const subject = suggestion.subject ? ` ${suggestion.subject}` : "";
  const title = {
    call: `Call ${name}`,
    email: `Email ${name}`,
    sample: `Drop${subject} samples with ${name}`,
    follow_up: `Follow up with ${name}${subject ? `:${subject}` : ""}`,
  }[suggestion.action];
  const due = new Date(now.getTime() + TASK_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const details = `Accepted next-best action. ${suggestion.reasons.map((r) => r.text).join("; ")}`;
  return { title: title.slice(0, 200), details: details.slice(0, 4000), dueDate: due };
}

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
    if (decision.decision === "dismissed") return { ...row!, task: null };
    const created = await insertTask(tx, scope, {
      npi: input.npi,
      territoryId: reach.territoryId,
      ...taskFor(suggestion, now),
    });
    return { ...row!, task: created };
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
