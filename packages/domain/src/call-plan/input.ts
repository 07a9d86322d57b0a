// The call-plan module's inputs, shared by the procedures and the screens' forms (no database imports here).
import { z } from "zod";

import { calendarDate, npiField, plainText } from "../validation";

/** The most calls one target may be planned in a cycle; 0 in a change or an import takes the HCP off the plan. */
export const MAX_PLANNED_CALLS = 99;
/** A cycle is at most a year (and a day, for leap years). */
const MAX_CYCLE_DAYS = 366;

const planId = z.uuid("That is not a valid call plan id.");

export const plannedCallsField = z
  .number({ message: "Planned calls must be a number." })
  .int("Planned calls must be a whole number.")
  .min(0, "Planned calls cannot be negative.")
  .max(MAX_PLANNED_CALLS, `Plan at most ${MAX_PLANNED_CALLS} calls per HCP in a cycle.`);

const cycleDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const cycleFields = {
  name: plainText("The plan's name")
    .min(3, "Give the plan a name of at least 3 characters, e.g. “Q1 2027”.")
    .max(120, "Keep the plan's name under 120 characters."),
  startsOn: calendarDate("The start date"),
  endsOn: calendarDate("The end date"),
};

/** Object-level rules of a cycle, on whichever schema carries its dates. */
const cycleRules = <T extends { startsOn: string; endsOn: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.endsOn < value.startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The cycle must end on or after its start." });
  } else if (cycleDays(value.startsOn, value.endsOn) > MAX_CYCLE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "A cycle is at most a year long." });
  }
};

export const createCallPlanInput = z
  .object({ territoryId: z.uuid("Choose a territory."), ...cycleFields })
  .superRefine(cycleRules);

export const updateCallPlanInput = z.object({ id: planId, ...cycleFields }).superRefine(cycleRules);

export const callPlanIdInput = z.object({ id: planId });

export const listCallPlansInput = z.object({
  /** Plans running today and those to come, or every plan including ended ones. */
  show: z.enum(["current", "all"], { message: "Show current or all plans." }).default("current"),
});

export const setPlanTargetsInput = z.object({
  planId,
  targets: z
    .array(z.object({ npi: npiField(), plannedCalls: plannedCallsField }))
    .min(1, "Name at least one HCP.")
    .max(500, "Change at most 500 HCPs at a time; import a file for more."),
});

export const setTargetsByTierInput = z.object({
  planId,
  tiers: z
    .array(
      z.object({
        tier: plainText("The tier").min(1, "Name the tier.").max(10, "A tier is at most 10 characters."),
        plannedCalls: plannedCallsField,
      }),
    )
    .min(1, "Give planned calls for at least one tier.")
    .max(20, "Name at most 20 tiers."),
});

/** Which column of the file holds what, by position; unset: found from the header row. */
const columnIndex = z.number().int().min(0).max(199);

export const importPlanTargetsInput = z.object({
  planId,
  csv: z
    .string({ message: "Send the file's text." })
    .min(1, "The file is empty.")
    .max(2_000_000, "The file is over 2 MB; split it."),
  columns: z.object({ npi: columnIndex, plannedCalls: columnIndex }).optional(),
  /** False: a dry run that changes nothing and reports what applying would do. */
  apply: z.boolean().default(false),
});
