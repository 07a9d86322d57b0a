import { describe, expect, it } from "vitest";
import { z } from "zod";

import { callReportInput } from "./call-report/input";
import { physicianSearchInput } from "./search/input";
import { createTaskInput } from "./task/input";
import { calendarDate, hasControlCharacter, isDateInRange, isoDateTime, plainText, pointInTime } from "./validation";

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("plain text", () => {
  it("refuses NUL and the other C0 controls and DEL, but keeps tab, newline and carriage return", () => {
    for (const code of [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f]) {
      expect(hasControlCharacter(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(true);
    }
    expect(hasControlCharacter("line one\nline two\r\n\tindented, café, 東京, 👍")).toBe(false);
  });

  it("trims, and names the field when it refuses", () => {
    const notes = plainText("Notes").max(10);
    expect(notes.parse("  fine  ")).toBe("fine");
    expect(notes.safeParse("bad\u0000").error?.issues.map((i) => i.message)).toEqual([
      "Notes cannot contain control characters (such as NUL).",
    ]);
    expect(notes.safeParse(42).error?.issues[0]?.message).toBe("Notes must be text.");
  });
});

describe("dates", () => {
  it("accepts real dates from 1900 to 2100 only", () => {
    expect(isDateInRange(new Date("1900-01-01T00:00:00Z"))).toBe(true);
    expect(isDateInRange(new Date("2100-12-31T23:59:59Z"))).toBe(true);
    expect(isDateInRange(new Date("1899-12-31T23:59:59Z"))).toBe(false);
    expect(isDateInRange(new Date("2101-01-01T00:00:00Z"))).toBe(false);
    expect(isDateInRange(new Date(-8.64e15))).toBe(false); // year −271821, the earliest Date JavaScript has
    expect(isDateInRange(new Date("not a date"))).toBe(false);
  });

  it("a calendar day must exist and be in range", () => {
    const due = calendarDate("The due date");
    expect(due.parse("2024-02-29")).toBe("2024-02-29");
    expect(due.safeParse("2026-02-30").error?.issues.map((i) => i.message)).toEqual(["Use a date like 2026-12-01."]);
    expect(due.safeParse("0000-01-01").error?.issues[0]?.message).toBe(
      "The due date must be a date between 1900 and 2100.",
    );
    expect(due.safeParse("-271821-04-20").success).toBe(false);
  });

  it("a date-time stays text, must exist and be in range", () => {
    const before = isoDateTime("The page's date");
    expect(before.parse("2026-11-20T14:30:00+01:00")).toBe("2026-11-20T14:30:00+01:00");
    expect(before.safeParse("0000-01-01T00:00:00Z").error?.issues[0]?.message).toBe(
      "The page's date must be a date between 1900 and 2100.",
    );
    expect(before.safeParse("9999-12-31T00:00:00Z").error?.issues[0]?.message).toBe(
      "The page's date must be a date between 1900 and 2100.",
    );
    expect(before.safeParse("2026-13-45T00:00:00Z").error?.issues.map((i) => i.message)).toEqual([
      "Use a time like 2026-11-20T14:30:00Z.",
    ]);
    expect(before.safeParse("2026-02-30T00:00:00Z").success).toBe(false);
  });

  it("a point in time is coerced, real and in range", () => {
    const when = pointInTime("The call's date", "Enter when the call happened.");
    expect(when.parse("2026-01-02T03:04:05Z")).toEqual(new Date("2026-01-02T03:04:05Z"));
    expect(when.safeParse(new Date(-8.64e15)).error?.issues[0]?.message).toBe(
      "The call's date must be a date between 1900 and 2100.",
    );
    expect(when.safeParse("-271821-04-20T00:00:00Z").error?.issues[0]?.message).toBe(
      "The call's date must be a date between 1900 and 2100.",
    );
    expect(when.safeParse("yesterday-ish").error?.issues[0]?.message).toBe("Enter when the call happened.");
  });
});

describe("the shared input schemas use them", () => {
  it("a logged call refuses NUL in its notes and a date in year −271821, field by field", () => {
    const result = callReportInput.safeParse({
      npi: "1000000001",
      channel: "phone",
      occurredAt: new Date(-8.64e15),
      notes: "hello\u0000",
      followUp: "call\u0007back",
      followUpDate: "0000-01-01",
    });
    expect(fieldErrors(result)).toEqual({
      occurredAt: ["The call's date must be a date between 1900 and 2100."],
      notes: ["Notes cannot contain control characters (such as NUL)."],
      followUp: ["The follow-up cannot contain control characters (such as NUL)."],
      followUpDate: ["The follow-up date must be a date between 1900 and 2100."],
    });
  });

  it("tasks and search refuse them too", () => {
    expect(fieldErrors(createTaskInput.safeParse({ title: "Call\u0000", dueDate: "2101-01-01" }))).toEqual({
      title: ["The title cannot contain control characters (such as NUL)."],
      dueDate: ["The due date must be a date between 1900 and 2100."],
    });
    expect(fieldErrors(physicianSearchInput.safeParse({ specialty: ["cardio\u0000"], city: "Boston\u001b" }))).toEqual({
      specialty: ["A specialty cannot contain control characters (such as NUL)."],
      city: ["The city cannot contain control characters (such as NUL)."],
    });
  });
});
