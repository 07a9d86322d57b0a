// zod field schemas for one file's rows. Built per file, so every message names the column as that file spells
// it ("total_claim_count '' is not a number" in a legacy Part D file, "Tot_Clms …" in a current one).
import { z } from "zod";

import * as values from "./values";
import { type Parsed } from "./values";

type Raw = string | undefined;
const raw = z.string().optional();

export interface FieldOptions {
  /** Reject an empty value: `true` says "<column> is empty", a string is the whole message. */
  required?: boolean | string;
}

export function rowFields<F extends string>(names: Record<F, string>) {
  const parsed = <T>(field: F, parse: (value: Raw) => Parsed<T | null>, options: FieldOptions = {}) =>
    raw.transform((value, ctx): T | null => {
      const result = parse(value);
      if (!result.ok) {
        ctx.issues.push({ code: "custom", message: `${names[field]} ${result.problem}`, input: value });
        return z.NEVER;
      }
      if (result.value === null && options.required) {
        const message = typeof options.required === "string" ? options.required : `${names[field]} is empty`;
        ctx.issues.push({ code: "custom", message, input: value });
        return z.NEVER;
      }
      return result.value;
    });

  /** Text with a length limit (the target column's), so a value never breaks the chunk's insert. */
  const text = (field: F, options: FieldOptions & { max?: number } = {}) =>
    parsed(
      field,
      (value) => {
        const result = values.text(value);
        return options.max !== undefined && result !== null && result.length > options.max
          ? { ok: false, problem: `'${result.slice(0, 40)}' is longer than ${options.max} characters` }
          : { ok: true, value: result };
      },
      options,
    );

  return {
    /** Any pure parser (values.ts style) as a field. */
    parsed,
    text,
    /** A code (pandas' "2.0" → "2"), with a length limit. */
    code: (field: F, options: FieldOptions & { max: number }) =>
      parsed(
        field,
        (value) => {
          const result = values.code(value);
          return result !== null && result.length > options.max
            ? { ok: false, problem: `'${result.slice(0, 40)}' is longer than ${options.max} characters` }
            : { ok: true, value: result };
        },
        options,
      ),
    wholeNumber: (field: F, options: FieldOptions & { min?: number; minMessage?: (n: number) => string } = {}) =>
      raw.transform((value, ctx): number | null => {
        const result = values.wholeNumber(value);
        const fail = (message: string) => {
          ctx.issues.push({ code: "custom", message, input: value });
          return z.NEVER;
        };
        if (!result.ok) return fail(`${names[field]} ${result.problem}`);
        if (result.value === null) {
          if (options.required)
            return fail(typeof options.required === "string" ? options.required : `${names[field]} is empty`);
          return null;
        }
        if (options.min !== undefined && result.value < options.min) {
          return fail(options.minMessage?.(result.value) ?? `${names[field]} ${result.value} is below ${options.min}`);
        }
        return result.value;
      }),
    decimal: (field: F, options: FieldOptions = {}) => parsed(field, values.decimal, options),
    float: (field: F, options: FieldOptions & { min: number; max: number }) =>
      parsed(
        field,
        (value) => {
          const result = values.float(value);
          if (!result.ok || result.value === null) return result;
          return result.value < options.min || result.value > options.max
            ? { ok: false, problem: `${result.value} is outside ${options.min}…${options.max}` }
            : result;
        },
        options,
      ),
    date: (field: F, options: FieldOptions = {}) => parsed(field, values.date, options),
    npi: (field: F, options: FieldOptions = {}) => parsed(field, values.npi, options),
    phone: (field: F) => parsed(field, values.phone),
    stateCode: (field: F, options: FieldOptions = {}) => parsed(field, values.stateCode, options),
    /** The raw value, for fields whose meaning depends on another one (postal codes and their country). */
    raw: (_field: F) => raw,
  };
}

/** The messages of a failed parse, joined: the quarantine reason. */
export const reasonOf = (error: z.ZodError): string =>
  [...new Set(error.issues.map((issue) => issue.message))].join("; ");
