// NPPES endpoints (endpoint_pfile: Direct addresses, FHIR and CONNECT URLs) → npi_endpoint, one row per NPI,
// endpoint and affiliation. Duplicate rule: the first valid row of an NPI × endpoint type × endpoint × affiliation
// name and address (compared case-insensitively) wins; later ones are quarantined. A successful run replaces the
// endpoints of every NPI it lists (see npi-replace.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";

import { npiEndpoint } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { code, postalCode, text } from "../fields/values";
import { companionFile, postalIdentity, rowHash } from "./npi-replace";
import { definePipeline } from "./types";

type Identity = Partial<
  Record<
    "endpointType" | "endpoint" | "affiliationName" | "line1" | "line2" | "city" | "state" | "postalCode",
    string | null
  >
>;

/** The endpoint's identity (npi_endpoint.endpoint_key), from the raw record or the validated row alike. */
const endpointIdentity = (e: Identity): string =>
  rowHash([
    e.endpointType,
    e.endpoint,
    e.affiliationName,
    e.line1,
    e.line2,
    e.city,
    e.state,
    postalIdentity(e.postalCode),
  ]);

export const nppesEndpointPipeline = definePipeline({
  dataset: "nppes_endpoint",
  title: "NPPES endpoints",
  duplicateRule:
    "first valid row of an NPI × endpoint type × endpoint × affiliation (name and address) wins; later ones are quarantined; a successful run replaces the endpoints of every NPI it lists",
  columns: {
    aliases: {
      npi: ["NPI"],
      endpointType: ["Endpoint Type"],
      endpointTypeDescription: ["Endpoint Type Description"],
      endpoint: ["Endpoint"],
      affiliation: ["Affiliation"],
      endpointDescription: ["Endpoint Description"],
      affiliationName: ["Affiliation Legal Business Name"],
      useCode: ["Use Code"],
      useDescription: ["Use Description"],
      otherUseDescription: ["Other Use Description"],
      contentType: ["Content Type"],
      contentDescription: ["Content Description"],
      otherContentDescription: ["Other Content Description"],
      line1: ["Affiliation Address Line One"],
      line2: ["Affiliation Address Line Two"],
      city: ["Affiliation Address City"],
      state: ["Affiliation Address State"],
      country: ["Affiliation Address Country"],
      postalCode: ["Affiliation Address Postal Code"],
    },
    required: ["npi", "endpointType", "endpoint"],
    layouts: [{ name: "nppes-endpoint-v1", markers: [] }],
  },
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        npi: f.npi("npi", { required: true }),
        endpointType: f.text("endpointType", { required: true, max: 20 }),
        endpointTypeDescription: f.text("endpointTypeDescription"),
        endpoint: f.text("endpoint", { required: true }),
        affiliation: f.text("affiliation").refine((value) => value === null || value === "Y" || value === "N", {
          message: `${names.affiliation} is not Y or N`,
        }),
        endpointDescription: f.text("endpointDescription"),
        affiliationName: f.text("affiliationName"),
        useCode: f.text("useCode", { max: 20 }),
        useDescription: f.text("useDescription"),
        otherUseDescription: f.text("otherUseDescription"),
        contentType: f.text("contentType", { max: 20 }),
        contentDescription: f.text("contentDescription"),
        otherContentDescription: f.text("otherContentDescription"),
        line1: f.text("line1"),
        line2: f.text("line2"),
        city: f.text("city"),
        state: f.text("state"),
        country: f.code("country", { max: 2 }),
        postalCode: f.raw("postalCode"),
      })
      .transform((row, ctx) => {
        const zip = postalCode(row.postalCode, row.country ?? "US");
        if (!zip.ok) {
          ctx.addIssue({ code: "custom", message: `${names.postalCode} ${zip.problem}` });
          return z.NEVER;
        }
        return {
          npi: row.npi!,
          endpointKey: endpointIdentity(row),
          endpointType: row.endpointType!,
          endpointTypeDescription: row.endpointTypeDescription,
          endpoint: row.endpoint!,
          affiliation: row.affiliation === null ? null : row.affiliation === "Y",
          endpointDescription: row.endpointDescription,
          affiliationName: row.affiliationName,
          useCode: row.useCode,
          useDescription: row.useDescription,
          otherUseDescription: row.otherUseDescription,
          contentType: row.contentType,
          contentDescription: row.contentDescription,
          otherContentDescription: row.otherContentDescription,
          addressLine1: row.line1,
          addressLine2: row.line2,
          city: row.city,
          state: row.state,
          countryCode: row.country,
          postalCode: zip.value?.postalCode ?? null,
        };
      });
  },
  key: (record) => {
    const [npi, endpoint] = [code(record.npi), text(record.endpoint)];
    if (npi === null || endpoint === null) return undefined;
    const at = [record.line1, record.city, record.state].map(text).filter(Boolean).join(", ");
    return {
      key: `${npi}|${endpointIdentity(record)}`,
      label: `NPI ${npi} and endpoint ${endpoint}${at ? ` at ${at}` : ""}`,
    };
  },
  ...companionFile({
    target: "endpoint",
    table: npiEndpoint,
    conflict: ["npi", "endpointKey"],
    rowKey: sql`t.endpoint_key`,
    touch: "updatedAt",
  }),
});
