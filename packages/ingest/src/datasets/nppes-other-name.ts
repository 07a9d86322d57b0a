// NPPES other organisation names (othername_pfile) → npi_other_name.
// Duplicate rule: the first valid row of an NPI × type code × name wins; later ones are quarantined. A successful
// run replaces the other names of every NPI it lists (see npi-replace.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";

import { npiOtherName } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { code, text } from "../fields/values";
import { companionFile } from "./npi-replace";
import { definePipeline } from "./types";

export const nppesOtherNamePipeline = definePipeline({
  dataset: "nppes_other_name",
  title: "NPPES other organisation names",
  duplicateRule:
    "first valid row of an NPI × name type × name wins; later ones are quarantined; a successful run replaces the other names of every NPI it lists",
  columns: {
    aliases: {
      npi: ["NPI"],
      name: ["Provider Other Organization Name"],
      typeCode: ["Provider Other Organization Name Type Code"],
    },
    required: ["npi", "name", "typeCode"],
    layouts: [{ name: "nppes-othername-v1", markers: [] }],
  },
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        npi: f.npi("npi", { required: true }),
        name: f.text("name", { required: true }),
        typeCode: f.code("typeCode", { required: true, max: 2 }),
      })
      .transform((row) => ({ npi: row.npi!, name: row.name!, typeCode: row.typeCode! }));
  },
  key: (record) => {
    const [npi, type, name] = [code(record.npi), code(record.typeCode), text(record.name)];
    if (npi === null || type === null || name === null) return undefined;
    return { key: `${npi}|${type}|${name}`, label: `NPI ${npi} and other name '${name}' (type ${type})` };
  },
  ...companionFile({
    target: "name",
    table: npiOtherName,
    conflict: ["npi", "typeCode", "name"],
    rowKey: sql`t.type_code || '|' || t.name`,
  }),
});
