// What a model may pass to the copilot's tools follows the same rules as the forms: text without control characters
// (Postgres refuses NUL), dates that exist and lie within 1900–2100; each refusal names the field in words.
import { asSchema } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  createTaskToolInput,
  draftOutreachToolInput,
  logInteractionToolInput,
  nextBestActionsToolInput,
  searchPhysiciansInput,
} from "./index";

const NUL = "\u0000";
const call = { npi: "1000000001", channel: "phone", occurredAt: "2026-11-20" };
const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const error = schema.safeParse(input).error;
  return error ? z.flattenError(error).fieldErrors : {};
};

describe("logInteraction's input", () => {
  it("takes a day or a time within 1900–2100, as text", () => {
    expect(logInteractionToolInput.parse(call).occurredAt).toBe("2026-11-20");
    expect(logInteractionToolInput.parse({ ...call, occurredAt: "2026-11-20T14:30:00+01:00" }).occurredAt).toBe(
      "2026-11-20T14:30:00+01:00",
    );
    for (const occurredAt of ["0000-01-01", "9999-12-31T00:00:00Z", "1899-12-31", "2101-01-01T00:00:00Z"]) {
      expect(fieldErrors(logInteractionToolInput, { ...call, occurredAt }), occurredAt).toEqual({
        occurredAt: ["The call's date must be a date between 1900 and 2100."],
      });
    }
    for (const occurredAt of ["2026-13-45", "2026-02-30", "yesterday", "2026-11-20T14:30"]) {
      expect(fieldErrors(logInteractionToolInput, { ...call, occurredAt }), occurredAt).toEqual({
        occurredAt: ["Use a date like 2026-11-20 or a time like 2026-11-20T14:30:00Z."],
      });
    }
    expect(fieldErrors(logInteractionToolInput, { ...call, followUpDate: "0000-01-01" })).toEqual({
      followUpDate: ["The follow-up date must be a date between 1900 and 2100."],
    });
  });

  it("refuses control characters in product names, notes and the follow-up, and trims names", () => {
    expect(
      logInteractionToolInput.parse({
        ...call,
        products: [" Alphacor "],
        samples: [{ product: "Alphacor\t", quantity: 2 }],
      }),
    ).toMatchObject({
      products: ["Alphacor"],
      samples: [{ product: "Alphacor", quantity: 2 }],
    });
    expect(messages(logInteractionToolInput, { ...call, products: [`Alpha${NUL}cor`] })).toEqual([
      "A product name cannot contain control characters (such as NUL).",
    ]);
    expect(
      messages(logInteractionToolInput, { ...call, samples: [{ product: "Alpha\u001bcor", quantity: 1 }] }),
    ).toEqual(["A product name cannot contain control characters (such as NUL)."]);
    expect(fieldErrors(logInteractionToolInput, { ...call, notes: `hi${NUL}`, followUp: `call${NUL}` })).toEqual({
      notes: ["Notes cannot contain control characters (such as NUL)."],
      followUp: ["The follow-up cannot contain control characters (such as NUL)."],
    });
    expect(messages(logInteractionToolInput, { ...call, products: ["A"] })).toEqual([
      "Name the product (at least 2 characters).",
    ]);
  });
});

describe("the other tools' inputs", () => {
  it("refuse control characters in every text field and a due date outside 1900–2100", () => {
    expect(fieldErrors(searchPhysiciansInput, { query: `cardiologists${NUL}` })).toEqual({
      query: ["Search text cannot contain control characters (such as NUL)."],
    });
    expect(
      fieldErrors(createTaskToolInput, { title: `Call back${NUL}`, details: `x${NUL}`, dueDate: "9999-12-31" }),
    ).toEqual({
      title: ["The title cannot contain control characters (such as NUL)."],
      details: ["Details cannot contain control characters (such as NUL)."],
      dueDate: ["The due date must be a date between 1900 and 2100."],
    });
    expect(
      fieldErrors(draftOutreachToolInput, {
        npi: "1000000001",
        purpose: "follow_up",
        product: `Alpha${NUL}`,
        topic: `study${NUL}`,
      }),
    ).toEqual({
      product: ["The product cannot contain control characters (such as NUL)."],
      topic: ["The topic cannot contain control characters (such as NUL)."],
    });
    expect(fieldErrors(nextBestActionsToolInput, { npi: `100000000${NUL}` })).toMatchObject({
      npi: expect.arrayContaining(["The NPI cannot contain control characters (such as NUL)."]),
    });
  });

  it("still describe themselves to the model as JSON Schema", async () => {
    for (const schema of [
      logInteractionToolInput,
      searchPhysiciansInput,
      createTaskToolInput,
      draftOutreachToolInput,
      nextBestActionsToolInput,
    ] as z.ZodType[]) {
      expect(await asSchema(schema).jsonSchema).toMatchObject({ type: "object" });
    }
    expect(JSON.stringify(await asSchema(logInteractionToolInput).jsonSchema)).toContain('"format":"date-time"');
  });
});
