// The shared text and date rules applied to the raw input of every procedure, before its own schema runs: a NUL
// byte or a date in year −271821 is a 400 with a field message even where a schema forgot the refinement, and
// never reaches the database (which would refuse it with a 500).
import { z, type ZodError } from "zod";

import {
  controlCharacterMessage,
  dateRangeMessage,
  hasControlCharacter,
  isDateInRange,
} from "@pharmacrm/domain/validation";

type Path = (string | number)[];

// Enough for a person to correct a form; a hostile input with thousands of bad values gets the first few.
const MAX_ISSUES = 20;

/** "followUpDate" → "Follow up date"; a key too short to read (q) → "This field". */
function fieldLabel(path: Path): string {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === "string");
  if (!key || key.length < 3) return "This field";
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every string holding a control character and every Date that is invalid or outside the supported years. */
export function unstorableValueIssues(raw: unknown): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  // Iterative, so a deeply nested hostile input cannot overflow the stack.
  const pending: [unknown, Path][] = [[raw, []]];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const [value, path] = pending.pop()!;
    if (typeof value === "string") {
      if (hasControlCharacter(value)) issues.push({ path, message: controlCharacterMessage(fieldLabel(path)) });
    } else if (value instanceof Date) {
      if (!isDateInRange(value)) issues.push({ path, message: dateRangeMessage(fieldLabel(path)) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, [...path, index]]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) pending.push([item, [...path, key]]);
    }
  }
  // The walk pops the last field first; reversed, the messages come roughly in the order the fields were given.
  return issues.reverse();
}

// Reported through a schema, so the error is a ZodError like any other input error (one built by hand is not an
// Error, and tRPC would wrap it) and the API's error formatter turns it into field messages.
const storableValues = z.unknown().superRefine((raw, ctx) => {
  for (const { path, message } of unstorableValueIssues(raw)) ctx.addIssue({ code: "custom", path, message });
});

/** The issues as a ZodError, or null when the input is fine. */
export function unstorableValueError(raw: unknown): ZodError | null {
  return storableValues.safeParse(raw).error ?? null;
}
