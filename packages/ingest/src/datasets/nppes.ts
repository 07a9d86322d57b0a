// NPPES NPI main file (npidata_pfile) → hcp (individuals and deactivated stubs), hco (organisations) and
// hcp_taxonomy (every taxonomy slot). Reads the current header and the 2017 one ("Provider Gender Code", no
// "Certification Date"; that file ships without a header row, which comes from its separate header file).
// Duplicate rule: an NPI's first valid row wins; later rows with the same NPI are quarantined.
import { type z } from "zod";

import { hco, hcp, hcpTaxonomy, refreshRankedTotals, type Db } from "@pharmacrm/db";

import { type RawRecord, type ResolvedColumns } from "../csv/columns";
import { code } from "../fields/values";
import { NPPES_HEADER, NPPES_TAXONOMY_SLOTS, nppesTaxonomyColumns } from "../layouts/nppes";
import { type StageSource } from "../load/stage";
import { mergeNppesChunk } from "./nppes-merge";
import { nppesRowSchema, type NppesField, type NppesRow, type NppesSlotField } from "./nppes-row";
import { nppesRelease } from "./release";
import { definePipeline, type RowContext } from "./types";

const slotAliases = Object.fromEntries(
  NPPES_TAXONOMY_SLOTS.flatMap((n) => {
    const columns = nppesTaxonomyColumns(n);
    return [
      [`taxonomyCode${n}`, [columns.code]],
      [`license${n}`, [columns.license]],
      [`licenseState${n}`, [columns.licenseState]],
      [`primarySwitch${n}`, [columns.primarySwitch]],
    ];
  }),
) as Record<NppesSlotField, string[]>;

export const nppesPipeline = definePipeline<NppesField, NppesRow>({
  dataset: "nppes",
  title: "NPPES NPI registry (main file)",
  duplicateRule: "first valid row of an NPI wins; later rows with the same NPI are quarantined",
  columns: {
    aliases: {
      npi: ["NPI"],
      entityType: ["Entity Type Code"],
      organizationName: ["Provider Organization Name (Legal Business Name)"],
      lastName: ["Provider Last Name (Legal Name)"],
      firstName: ["Provider First Name"],
      middleName: ["Provider Middle Name"],
      namePrefix: ["Provider Name Prefix Text"],
      nameSuffix: ["Provider Name Suffix Text"],
      credential: ["Provider Credential Text"],
      otherOrganizationName: ["Provider Other Organization Name"],
      mailingLine1: ["Provider First Line Business Mailing Address"],
      mailingLine2: ["Provider Second Line Business Mailing Address"],
      mailingCity: ["Provider Business Mailing Address City Name"],
      mailingState: ["Provider Business Mailing Address State Name"],
      mailingPostalCode: ["Provider Business Mailing Address Postal Code"],
      mailingCountry: ["Provider Business Mailing Address Country Code (If outside U.S.)"],
      mailingPhone: ["Provider Business Mailing Address Telephone Number"],
      practiceLine1: ["Provider First Line Business Practice Location Address"],
      practiceLine2: ["Provider Second Line Business Practice Location Address"],
      practiceCity: ["Provider Business Practice Location Address City Name"],
      practiceState: ["Provider Business Practice Location Address State Name"],
      practicePostalCode: ["Provider Business Practice Location Address Postal Code"],
      practiceCountry: ["Provider Business Practice Location Address Country Code (If outside U.S.)"],
      practicePhone: ["Provider Business Practice Location Address Telephone Number"],
      enumerationDate: ["Provider Enumeration Date"],
      lastUpdateDate: ["Last Update Date"],
      deactivationDate: ["NPI Deactivation Date"],
      reactivationDate: ["NPI Reactivation Date"],
      // Renamed in 2022: the 2017 file says "Gender".
      sex: ["Provider Sex Code", "Provider Gender Code"],
      officialLastName: ["Authorized Official Last Name"],
      officialFirstName: ["Authorized Official First Name"],
      officialTitle: ["Authorized Official Title or Position"],
      ...slotAliases,
    },
    required: [
      "npi",
      "entityType",
      "organizationName",
      "lastName",
      "practicePostalCode",
      "deactivationDate",
      "taxonomyCode1",
    ],
    layouts: [
      { name: "nppes-v1-2025", markers: ["Provider Sex Code"] },
      { name: "nppes-v1-2017", markers: ["Provider Gender Code"] },
    ],
    ignored: NPPES_HEADER,
  },
  describe: ({ fileName }) => ({ dataYear: null, release: nppesRelease(fileName) }),
  rowSchema: (columns: ResolvedColumns<NppesField>, _context: RowContext) =>
    nppesRowSchema(columns.names) as unknown as z.ZodType<NppesRow, RawRecord<NppesField>>,
  key: (record) => {
    const npi = code(record.npi);
    return npi === null ? undefined : { key: npi, label: `NPI ${npi}` };
  },
  kind: (row) => row.kind,
  stage: (rows) => {
    const individuals = rows.flatMap((row) => (row.kind === "individual" ? [row] : []));
    return {
      hcp: { table: hcp, rows: individuals.map((row) => row.hcp) },
      hco: { table: hco, rows: rows.flatMap((row) => (row.kind === "organization" ? [row.hco] : [])) },
      stub: {
        table: hcp,
        rows: rows.flatMap((row) =>
          row.kind === "deactivated"
            ? [{ npi: row.npi, deactivationDate: row.deactivationDate, reactivationDate: row.reactivationDate }]
            : [],
        ),
      },
      taxonomy: { table: hcpTaxonomy, rows: individuals.flatMap((row) => row.taxonomies) },
      // Narrow copies for replacing slots: re-reading the wide payloads would cost more than the delete.
      individual: { table: hcp, rows: individuals.map((row) => ({ npi: row.npi })) },
      slot: {
        table: hcpTaxonomy,
        rows: individuals.flatMap((row) => row.taxonomies.map((t) => ({ npi: t.npi, slot: t.slot }))),
      },
    };
  },
  merge: (tx: Db, source: StageSource) => mergeNppesChunk(tx, source),
  bulkTables: [hcp, hco, hcpTaxonomy],
  // Search's ranked totals hold each HCP's taxonomy, place and status: they follow the registry when the run completes.
  finalize: async (tx: Db) => {
    await refreshRankedTotals(tx, "all");
    return {};
  },
});
