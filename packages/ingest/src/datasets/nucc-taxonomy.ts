// NUCC Health Care Provider Taxonomy code set (nucc_taxonomy_<version>.csv) → taxonomy.
// Duplicate rule: a code's first valid row wins; later rows with the same code are quarantined.
import { basename } from "node:path";
import { z } from "zod";

import { taxonomy, type Db } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { text } from "../fields/values";
import { upsertCounting } from "../load/merge";
import { type StageSource } from "../load/stage";
import { definePipeline } from "./types";

const CODE = /^[0-9A-Z]{9}X$/;

export const nuccTaxonomyPipeline = definePipeline({
  dataset: "nucc_taxonomy",
  title: "NUCC taxonomy code set",
  duplicateRule: "first valid row of a taxonomy code wins; later rows with the same code are quarantined",
  columns: {
    aliases: {
      code: ["Code"],
      grouping: ["Grouping"],
      classification: ["Classification"],
      specialization: ["Specialization"],
      definition: ["Definition"],
      displayName: ["Display Name"],
      section: ["Section"],
    },
    required: ["code", "grouping", "classification"],
    layouts: [
      { name: "nucc-csv", markers: ["Code", "Display Name"] },
      { name: "nucc-csv-legacy", markers: ["Code"] },
    ],
    ignored: ["Notes"],
  },
  describe: ({ fileName }) => {
    // nucc_taxonomy_251.csv → v25.1
    const version = /(\d{2})(\d)(?!\d)/.exec(basename(fileName));
    return { dataYear: null, release: version ? `NUCC v${Number(version[1])}.${version[2]}` : null };
  },
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        code: f.text("code", { required: true }),
        grouping: f.text("grouping", { required: true }),
        classification: f.text("classification", { required: true }),
        specialization: f.text("specialization"),
        definition: f.text("definition"),
        displayName: f.text("displayName"),
        section: f.text("section"),
      })
      .transform((row, ctx) => {
        if (!CODE.test(row.code!)) {
          ctx.addIssue({
            code: "custom",
            message: `${names.code} '${row.code}' is not a NUCC taxonomy code (9 characters and an X)`,
          });
          return z.NEVER;
        }
        return {
          code: row.code!,
          grouping: row.grouping!,
          classification: row.classification!,
          specialization: row.specialization,
          definition: row.definition,
          // A handful of older codes have no display name; the classification is the natural fallback.
          displayName: row.displayName ?? row.classification!,
          section: row.section,
        };
      });
  },
  key: (record) => {
    const value = text(record.code);
    return value === null ? undefined : { key: value, label: `taxonomy code ${value}` };
  },
  stage: (rows) => ({ taxonomy: { table: taxonomy, rows } }),
  merge: async (tx: Db, source: StageSource) =>
    upsertCounting(tx, { target: "taxonomy", table: taxonomy, conflict: ["code"] }, source),
});
