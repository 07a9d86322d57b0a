// NPPES secondary practice locations (pl_pfile) → npi_practice_location, one row per NPI and address.
// Duplicate rule: the first valid row of an NPI × address (lines, city, state, postal code, country; compared
// case-insensitively) wins; later ones are quarantined. A successful run replaces the locations of every NPI it
// lists (see npi-replace.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";

import { npiPracticeLocation } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { code, postalCode, stateCode, text } from "../fields/values";
import { companionFile, postalIdentity, rowHash } from "./npi-replace";
import { definePipeline } from "./types";

const PREFIX = "Provider Secondary Practice Location Address";

type Address = Partial<Record<"line1" | "line2" | "city" | "state" | "postalCode" | "country", string | null>>;

/** The address's identity (npi_practice_location.location_key), from the raw record or the validated row alike. */
const locationIdentity = (a: Address): string =>
  rowHash([a.line1, a.line2, a.city, a.state, postalIdentity(a.postalCode), code(a.country ?? undefined) ?? "US"]);

export const nppesPracticeLocationPipeline = definePipeline({
  dataset: "nppes_practice_location",
  title: "NPPES secondary practice locations",
  duplicateRule:
    "first valid row of an NPI × address wins; later ones are quarantined; a successful run replaces the locations of every NPI it lists",
  columns: {
    aliases: {
      npi: ["NPI"],
      line1: [`${PREFIX}- Address Line 1`],
      line2: [`${PREFIX}- Address Line 2`],
      city: [`${PREFIX} - City Name`],
      state: [`${PREFIX} - State Name`],
      postalCode: [`${PREFIX} - Postal Code`],
      country: [`${PREFIX} - Country Code (If outside U.S.)`],
      phone: [`${PREFIX} - Telephone Number`],
      extension: [`${PREFIX} - Telephone Extension`],
      fax: ["Provider Practice Location Address - Fax Number", `${PREFIX} - Fax Number`],
    },
    required: ["npi", "line1", "city", "state", "postalCode"],
    layouts: [{ name: "nppes-pl-v1", markers: [] }],
  },
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        npi: f.npi("npi", { required: true }),
        line1: f.text("line1", { required: true }),
        line2: f.text("line2"),
        city: f.text("city"),
        state: f.text("state"),
        postalCode: f.raw("postalCode"),
        country: f.code("country", { max: 2 }),
        phone: f.phone("phone"),
        extension: f.text("extension", { max: 10 }),
        fax: f.phone("fax"),
      })
      .transform((row, ctx) => {
        const countryCode = row.country ?? "US";
        const foreign = countryCode !== "US";
        const state = foreign ? { ok: true as const, value: row.state } : stateCode(row.state ?? undefined);
        if (!state.ok) {
          ctx.addIssue({ code: "custom", message: `${names.state} ${state.problem}` });
          return z.NEVER;
        }
        const zip = postalCode(row.postalCode, countryCode);
        if (!zip.ok) {
          ctx.addIssue({ code: "custom", message: `${names.postalCode} ${zip.problem}` });
          return z.NEVER;
        }
        return {
          npi: row.npi!,
          locationKey: locationIdentity(row),
          line1: row.line1!,
          line2: row.line2,
          city: row.city,
          state: state.value,
          postalCode: zip.value?.postalCode ?? null,
          countryCode,
          zip5: zip.value?.zip5 ?? null,
          phone: row.phone,
          phoneExtension: row.extension,
          fax: row.fax,
        };
      });
  },
  key: (record) => {
    const npi = code(record.npi);
    if (npi === null) return undefined;
    const address = [record.line1, record.line2, record.city, record.state, record.postalCode]
      .map(text)
      .filter(Boolean)
      .join(", ");
    return { key: `${npi}|${locationIdentity(record)}`, label: `NPI ${npi} and address ${address}` };
  },
  ...companionFile({
    target: "location",
    table: npiPracticeLocation,
    conflict: ["npi", "locationKey"],
    rowKey: sql`t.location_key`,
    touch: "updatedAt",
  }),
});
