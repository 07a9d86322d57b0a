// Import and embedding events carry a person's text (file names, release labels, reasons): trimmed, and refused with
// the field's name when it holds a control character, whoever sends the event (the app, the CLI, a raw Inngest event).
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { embedRequestSchema, importRequestSchema, nppes2017ImportRequested } from "./events";
import { importHandler } from "./functions/define-import";
import type { ImportStep } from "./import-dataset";

const NUL = "\u0000";
const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const error = schema.safeParse(input).error;
  return error ? z.flattenError(error).fieldErrors : {};
};

describe("import requests", () => {
  it("keep a trimmed file, release label and header file as before", () => {
    expect(
      importRequestSchema.parse({
        dataset: "nppes",
        file: " npidata.csv ",
        release: " May 2017 ",
        headerFile: "header.csv\t",
      }),
    ).toEqual({
      dataset: "nppes",
      file: "npidata.csv",
      release: "May 2017",
      headerFile: "header.csv",
    });
    expect(fieldErrors(importRequestSchema, { dataset: "part_d", file: "  " })).toEqual({
      file: ["Give a file path or URL"],
    });
    expect(fieldErrors(importRequestSchema, { dataset: "part_d", file: "a.csv", release: "x".repeat(81) })).toEqual({
      release: ["A release label is at most 80 characters"],
    });
  });

  it("refuse control characters in the file, the release label and the header file, naming each", () => {
    expect(
      fieldErrors(importRequestSchema, {
        dataset: "nppes",
        file: `npidata.csv${NUL}`,
        release: `2017${NUL}`,
        headerFile: `header${NUL}.csv`,
      }),
    ).toEqual({
      file: ["The file cannot contain control characters (such as NUL)."],
      release: ["The release label cannot contain control characters (such as NUL)."],
      headerFile: ["The header file cannot contain control characters (such as NUL)."],
    });
    expect(fieldErrors(importRequestSchema, { dataset: "part_d", file: "https://example.org/a\u001b.csv" })).toEqual({
      file: ["The file cannot contain control characters (such as NUL)."],
    });
    expect(
      fieldErrors(nppes2017ImportRequested.schema!, { dataset: "nppes", file: "npidata.csv", headerFile: `h${NUL}` }),
    ).toEqual({
      headerFile: ["The header file cannot contain control characters (such as NUL)."],
    });
    expect(fieldErrors(nppes2017ImportRequested.schema!, { dataset: "nppes", file: "npidata.csv" })).toMatchObject({
      headerFile: [expect.any(String)],
    });
  });

  it("a raw event with one fails without retrying before anything is read or written", async () => {
    const handler = importHandler({
      database: () => {
        throw new Error("the database must not be reached");
      },
    });
    await expect(
      handler({
        event: { data: { dataset: "part_d", file: "MUP_DPR.csv", release: `2023${NUL}` } },
        step: {} as ImportStep,
      }),
    ).rejects.toMatchObject({
      name: "NonRetriableError",
      message: "Not an import request: release The release label cannot contain control characters (such as NUL).",
    });
  });
});

describe("embedding requests", () => {
  it("refuse control characters in the reason", () => {
    expect(embedRequestSchema.parse({ reason: " after part_d run 4f0c " })).toEqual({
      reason: "after part_d run 4f0c",
    });
    expect(fieldErrors(embedRequestSchema, { reason: `after${NUL}` })).toEqual({
      reason: ["The reason cannot contain control characters (such as NUL)."],
    });
  });
});
