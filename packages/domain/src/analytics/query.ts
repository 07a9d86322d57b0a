// The semantic query: Cube's query shape (measures, dimensions, filters, timeDimensions, order, limit) over the
// members of the model (model.ts). Whoever fills it — a person in the explore view, a hosted model through the
// queryAnalytics tool, the offline engine's parser — can only name members; the compiler writes the SQL.
import { z } from "zod";

import { RELATIVE_RANGES } from "./figures";
import {
  CUBE_TIME,
  CUBES,
  DIMENSION_NAMES,
  DIMENSIONS,
  MEASURE_NAMES,
  MEASURES,
  TIME_DIMENSION_NAMES,
  type CubeName,
  type MeasureName,
} from "./model";

export const GRANULARITIES = ["day", "week", "month", "quarter", "year"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export { RELATIVE_RANGES };
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

const day = z.iso.date({ error: "A date is written YYYY-MM-DD." });

export const FILTER_OPERATORS = ["equals", "notEquals", "contains", "gt", "gte", "lt", "lte", "set", "notSet"] as const;

const filter = z
  .object({
    member: z.enum(DIMENSION_NAMES, { error: "Filters name a dimension of the model." }),
    operator: z.enum(FILTER_OPERATORS),
    values: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .refine((f) => f.operator === "set" || f.operator === "notSet" || f.values.length > 0, {
    error: "This filter needs at least one value.",
  });

export const MAX_ROWS = 1000;

export const semanticQuery = z
  .object({
    measures: z
      .array(z.enum(MEASURE_NAMES, { error: "That is not a measure of the model." }))
      .min(1, { error: "Name at least one measure." })
      .max(6),
    dimensions: z
      .array(z.enum(DIMENSION_NAMES, { error: "That is not a dimension of the model." }))
      .max(3)
      .default([]),
    timeDimensions: z
      .array(
        z.object({
          dimension: z.enum(TIME_DIMENSION_NAMES),
          granularity: z.enum(GRANULARITIES).optional(),
          dateRange: z.union([z.enum(RELATIVE_RANGES), z.tuple([day, day])]).optional(),
        }),
      )
      .max(1)
      .default([]),
    filters: z.array(filter).max(10).default([]),
    order: z
      .array(
        z.tuple([
          z.union([z.enum(MEASURE_NAMES), z.enum(DIMENSION_NAMES), z.enum(TIME_DIMENSION_NAMES)]),
          z.enum(["asc", "desc"]),
        ]),
      )
      .max(4)
      .default([]),
    limit: z.number().int().min(1).max(MAX_ROWS).default(100),
  })
  .refine((q) => new Set(q.measures).size === q.measures.length && new Set(q.dimensions).size === q.dimensions.length, {
    error: "Name each measure and dimension once.",
  })
  .superRefine((q, ctx) => {
    // One cube per question: its measures, and dimensions, filters and time that break that cube down.
    if (q.measures.length === 0) return;
    const cube = cubeOf(q.measures);
    const other = q.measures.find((m) => MEASURES[m].cube !== cube);
    if (other) {
      ctx.addIssue({
        code: "custom",
        message: `${MEASURES[q.measures[0]!].title} and ${MEASURES[other].title} come from different sources (${CUBES[cube].title} and ${CUBES[MEASURES[other].cube].title}): ask for them separately.`,
      });
      return;
    }
    for (const name of [...q.dimensions, ...q.filters.map((f) => f.member)]) {
      const dimension = DIMENSIONS[name];
      if (!(dimension.cubes as readonly CubeName[]).includes(cube))
        ctx.addIssue({
          code: "custom",
          message: `${dimension.title} does not break down ${CUBES[cube].title}${cube === "PartD" ? " (prescriptions are the HCP's, not a rep's or a call's)" : ""}.`,
        });
    }
    const time = q.timeDimensions[0];
    if (time && time.dimension !== CUBE_TIME[cube])
      ctx.addIssue({ code: "custom", message: `The time of ${CUBES[cube].title} is ${CUBE_TIME[cube]}.` });
    if (time && cube === "PartD" && time.granularity && time.granularity !== "year")
      ctx.addIssue({
        code: "custom",
        message: "Medicare Part D is published once a year: break it down by year, not by month or quarter.",
      });
  });

/** The cube a question's measures come from (its first measure's). */
export const cubeOf = (measures: readonly MeasureName[]): CubeName => MEASURES[measures[0]!].cube;

export type SemanticQuery = z.infer<typeof semanticQuery>;
export type SemanticQueryInput = z.input<typeof semanticQuery>;
export type Filter = SemanticQuery["filters"][number];
