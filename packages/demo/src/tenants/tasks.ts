// A rep's to-do list: done, open (some overdue) and the odd cancelled task, mostly about target HCPs.
import { type task } from "@pharmacrm/db";

import { dateOfDay, isoDate } from "../generate/dates";
import { weightedPicker, type Random } from "../random";
import { displayName } from "./call-notes";
import { type CreatedProduct } from "./create-org";
import { type TerritoryHcp } from "./territory-hcps";

type TaskValues = typeof task.$inferInsert;

const pickStatus = weightedPicker<TaskValues["status"] & string>([
  { value: "done", weight: 55 },
  { value: "open", weight: 40 },
  { value: "cancelled", weight: 5 },
]);

type Template = (who: string, product: CreatedProduct | undefined) => string | null;
const HCP_TASKS: readonly Template[] = [
  (who, p) => (p?.sampleable ? `Drop off ${p.name} samples for ${who}` : null),
  (who, p) => (p ? `Follow up on ${p.name} coverage question from ${who}` : null),
  (who) => `Schedule a lunch-and-learn at ${who}'s office`,
  (who, p) => (p ? `Send the ${p.name} prescribing information to ${who}` : null),
  (who) => `Confirm best contact times for ${who}`,
];
const OWN_TASKS = [
  "Prepare territory plan for the quarterly business review",
  "Submit expense report",
  "Complete compliance training module",
];

export function tasksForRep(
  random: Random,
  context: {
    orgId: string;
    repId: string;
    managerId: string | null;
    territoryId: string;
    targets: readonly TerritoryHcp[];
    products: readonly CreatedProduct[];
    todayDay: number;
  },
): TaskValues[] {
  const tasks: TaskValues[] = [];
  for (let n = random.int(18, 28); n > 0; n--) {
    const status = pickStatus(random);
    const target = context.targets.length > 0 && random.chance(0.85) ? random.pick(context.targets) : undefined;
    const product = context.products.length > 0 ? random.pick(context.products) : undefined;
    const title = target ? random.pick(HCP_TASKS)(displayName(target), product) : random.pick(OWN_TASKS);
    if (!title) continue;
    const createdDay = random.int(context.todayDay - 150, context.todayDay - 1);
    const dueDay =
      status === "open"
        ? random.int(context.todayDay - 7, context.todayDay + 30)
        : random.int(createdDay + 1, createdDay + 21);
    const completedDay = status === "done" ? Math.min(context.todayDay - 1, random.int(createdDay, dueDay + 3)) : null;
    // Managers assign some work; reps create the rest themselves.
    const createdById = context.managerId && random.chance(0.2) ? context.managerId : context.repId;
    const createdAt = new Date(dateOfDay(createdDay).getTime() + random.int(13, 18) * 3_600_000);
    tasks.push({
      orgId: context.orgId,
      ownerId: context.repId,
      hcpNpi: target?.npi ?? null,
      territoryId: context.territoryId,
      title,
      details: target ? `Tier ${target.tier}, ${target.segment.toLowerCase()}.` : null,
      dueDate: isoDate(dueDay),
      status,
      createdById,
      createdAt,
      completedAt:
        completedDay === null
          ? null
          : new Date(createdAt.getTime() + ((completedDay - createdDay) * 24 + random.int(1, 6)) * 3_600_000),
    });
  }
  return tasks;
}
