// Next-best-action decisions over the demo's months: each rep accepts at their own rate (one keen, one sceptical),
// every dismissal has a reason, and none falls in the last quiet window, so today's suggestions are the engine's own.
import { type nbaDecision } from "@pharmacrm/db";
import { DECISION_QUIET_DAYS } from "@pharmacrm/domain";

import { weightedPicker, type Random } from "../random";
import { atWorkHour } from "./consents";
import { type TerritoryHcp } from "./territory-hcps";

type DecisionValues = typeof nbaDecision.$inferInsert;

const pickAction = weightedPicker<string>([
  { value: "call", weight: 45 },
  { value: "email", weight: 20 },
  { value: "sample", weight: 20 },
  { value: "follow_up", weight: 15 },
]);
const DISMISSALS = [
  "Visit already planned",
  "HCP on leave",
  "Not reachable this week",
  "No access to the practice",
  "Not the right moment for samples",
];
const REASONS: Record<string, string> = {
  call: "High market volume and no call in weeks",
  email: "Email consent on file and no contact this month",
  sample: "Writes in the market; samples not left recently",
  follow_up: "Open follow-up from the last call",
};
/** The demo's window of decisions: about six months, ending before the quiet days. */
const FIRST_DAY_BACK = 182;

export function nbaDecisionsForRep(
  random: Random,
  context: { orgId: string; repId: string; targets: readonly TerritoryHcp[]; todayDay: number },
): DecisionValues[] {
  if (context.targets.length === 0) return [];
  const acceptance = random.int(40, 85) / 100;
  const decisions: DecisionValues[] = [];
  for (let n = random.int(25, 45); n > 0; n--) {
    const action = pickAction(random);
    const accepted = random.chance(acceptance);
    const day = random.int(context.todayDay - FIRST_DAY_BACK, context.todayDay - DECISION_QUIET_DAYS - 1);
    decisions.push({
      orgId: context.orgId,
      userId: context.repId,
      hcpNpi: random.pick(context.targets).npi,
      action,
      score: (random.int(400, 950) / 10).toFixed(1),
      confidence: (random.int(50, 95) / 100).toFixed(2),
      reasons: [{ text: REASONS[action]!, points: random.int(10, 40) }],
      decision: accepted ? "accepted" : "dismissed",
      reason: accepted ? null : random.pick(DISMISSALS),
      decidedAt: atWorkHour(random, day),
    });
  }
  return decisions;
}
