// One NPPES main-file row → an individual (hcp + taxonomy slots), an organisation (hco) or a deactivated stub
// (the public file keeps only the NPI and its dates). Floats from pandas ("1.0"), lost ZIP zeros and "<UNAVAIL>"
// are handled by the field parsers.
import { z } from "zod";

import { type hco, type hcp, type hcpTaxonomy } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { postalCode, stateCode } from "../fields/values";
import { NPPES_TAXONOMY_SLOTS, type NppesSlot } from "../layouts/nppes";

type Slot = NppesSlot;
export type NppesField =
  | "npi"
  | "entityType"
  | "organizationName"
  | "lastName"
  | "firstName"
  | "middleName"
  | "namePrefix"
  | "nameSuffix"
  | "credential"
  | "otherOrganizationName"
  | `${"mailing" | "practice"}${"Line1" | "Line2" | "City" | "State" | "PostalCode" | "Country" | "Phone"}`
  | "enumerationDate"
  | "lastUpdateDate"
  | "deactivationDate"
  | "reactivationDate"
  | "sex"
  | "officialLastName"
  | "officialFirstName"
  | "officialTitle"
  | NppesSlotField;

export type NppesSlotField = `${"taxonomyCode" | "license" | "licenseState" | "primarySwitch"}${Slot}`;

export type HcpValues = typeof hcp.$inferInsert;
export type HcoValues = typeof hco.$inferInsert;
export type HcpTaxonomyValues = typeof hcpTaxonomy.$inferInsert;

export type NppesRow =
  | { kind: "individual"; npi: string; hcp: HcpValues; taxonomies: HcpTaxonomyValues[] }
  | { kind: "organization"; npi: string; hco: HcoValues }
  | { kind: "deactivated"; npi: string; deactivationDate: string; reactivationDate: string | null };

const TAXONOMY_CODE = /^[0-9A-Z]{9}X$/;

type AddressPart = "Line1" | "Line2" | "City" | "State" | "PostalCode" | "Country" | "Phone";
type Prefix = "mailing" | "practice";
type Parsed = Partial<Record<NppesField, string | null>>;

// Field names computed once: this runs for every row of files with millions of them.
const addressFields = (prefix: Prefix) => {
  const field = (part: AddressPart) => `${prefix}${part}` as NppesField;
  return {
    line1: field("Line1"),
    line2: field("Line2"),
    city: field("City"),
    state: field("State"),
    postalCode: field("PostalCode"),
    country: field("Country"),
    phone: field("Phone"),
  };
};
const ADDRESS = { mailing: addressFields("mailing"), practice: addressFields("practice") };
const SLOTS = NPPES_TAXONOMY_SLOTS.map((slot) => ({
  slot,
  code: `taxonomyCode${slot}` as NppesField,
  license: `license${slot}` as NppesField,
  licenseState: `licenseState${slot}` as NppesField,
  primarySwitch: `primarySwitch${slot}` as NppesField,
}));

interface Place {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  zip5: string | null;
  phone: string | null;
}

/** An address; a US state must be a two-letter code, foreign addresses keep no state (the column is US-only). */
function place(
  row: Parsed,
  prefix: Prefix,
  names: Record<NppesField, string>,
  ctx: z.RefinementCtx,
): Place | undefined {
  const f = ADDRESS[prefix];
  const country = row[f.country] ?? null;
  const foreign = country !== null && country !== "US";
  const state = stateCode(row[f.state] ?? undefined);
  if (!state.ok && !foreign) {
    ctx.addIssue({ code: "custom", message: `${names[f.state]} ${state.problem}` });
    return undefined;
  }
  const zip = postalCode(row[f.postalCode] ?? undefined, country);
  if (!zip.ok) {
    ctx.addIssue({ code: "custom", message: `${names[f.postalCode]} ${zip.problem}` });
    return undefined;
  }
  const code = zip.value?.postalCode ?? null;
  return {
    line1: row[f.line1] ?? null,
    line2: row[f.line2] ?? null,
    city: row[f.city] ?? null,
    state: foreign || !state.ok ? null : state.value,
    postalCode: code !== null && code.length <= 9 ? code : null,
    zip5: zip.value?.zip5 ?? null,
    phone: row[f.phone] ?? null,
  };
}

function taxonomySlots(
  row: Parsed,
  npi: string,
  names: Record<NppesField, string>,
  ctx: z.RefinementCtx,
): HcpTaxonomyValues[] | undefined {
  const taxonomies: HcpTaxonomyValues[] = [];
  for (const s of SLOTS) {
    const code = row[s.code];
    if (!code) continue;
    if (!TAXONOMY_CODE.test(code)) {
      ctx.addIssue({ code: "custom", message: `${names[s.code]} '${code}' is not a NUCC taxonomy code` });
      return undefined;
    }
    taxonomies.push({
      npi,
      slot: s.slot,
      code,
      licenseNumber: row[s.license] ?? null,
      licenseState: row[s.licenseState] ?? null,
      isPrimary: row[s.primarySwitch] === "Y",
    });
  }
  return taxonomies;
}

export function nppesRowSchema(names: Record<NppesField, string>) {
  const f = rowFields(names);
  const address = (prefix: Prefix) => {
    const a = ADDRESS[prefix];
    return {
      [a.line1]: f.text(a.line1),
      [a.line2]: f.text(a.line2),
      [a.city]: f.text(a.city),
      [a.state]: f.raw(a.state),
      [a.postalCode]: f.raw(a.postalCode),
      [a.country]: f.code(a.country, { max: 2 }),
      [a.phone]: f.phone(a.phone),
    };
  };
  const slots = Object.fromEntries(
    SLOTS.flatMap((s) => [
      [s.code, f.text(s.code)],
      [s.license, f.text(s.license)],
      [s.licenseState, f.text(s.licenseState, { max: 2 })],
      [s.primarySwitch, f.text(s.primarySwitch, { max: 1 })],
    ]),
  );
  const shape = {
    npi: f.npi("npi", { required: true }),
    entityType: f.code("entityType", { max: 1 }),
    organizationName: f.text("organizationName"),
    lastName: f.text("lastName"),
    firstName: f.text("firstName"),
    middleName: f.text("middleName"),
    namePrefix: f.text("namePrefix"),
    nameSuffix: f.text("nameSuffix"),
    credential: f.text("credential"),
    otherOrganizationName: f.text("otherOrganizationName"),
    ...address("mailing"),
    ...address("practice"),
    enumerationDate: f.date("enumerationDate"),
    lastUpdateDate: f.date("lastUpdateDate"),
    deactivationDate: f.date("deactivationDate"),
    reactivationDate: f.date("reactivationDate"),
    sex: f.text("sex", { max: 1 }),
    officialLastName: f.text("officialLastName"),
    officialFirstName: f.text("officialFirstName"),
    officialTitle: f.text("officialTitle"),
    ...slots,
  };

  return z.object(shape).transform((parsed, ctx): NppesRow => {
    const row = parsed as Parsed;
    const npi = row.npi!;
    const entityType = row.entityType ?? null;
    const deactivationDate = row.deactivationDate ?? null;
    if (entityType === null) {
      // Deactivated NPIs keep only their number and dates in the public file.
      if (deactivationDate)
        return { kind: "deactivated", npi, deactivationDate, reactivationDate: row.reactivationDate ?? null };
      ctx.addIssue({
        code: "custom",
        message: `${names.entityType} is empty and the NPI has no ${names.deactivationDate}`,
      });
      return z.NEVER;
    }
    if (entityType !== "1" && entityType !== "2") {
      ctx.addIssue({
        code: "custom",
        message: `${names.entityType} '${entityType}' is neither 1 (individual) nor 2 (organisation)`,
      });
      return z.NEVER;
    }
    const practice = place(row, "practice", names, ctx);
    const taxonomies = taxonomySlots(row, npi, names, ctx);
    if (!practice || !taxonomies) return z.NEVER;
    const primaryTaxonomyCode = (taxonomies.find((t) => t.isPrimary) ?? taxonomies[0])?.code ?? null;
    // Objects are written out in full: on Node 20, "{ ...common, more }" costs ~40× more per row here.
    if (entityType === "2") {
      const name = row.organizationName;
      if (!name) {
        ctx.addIssue({ code: "custom", message: `${names.organizationName} is empty for an organisation` });
        return z.NEVER;
      }
      const official = [row.officialFirstName, row.officialLastName].filter(Boolean).join(" ");
      const title = row.officialTitle;
      return {
        kind: "organization",
        npi,
        hco: {
          npi,
          name,
          otherName: row.otherOrganizationName ?? null,
          primaryTaxonomyCode,
          practiceLine1: practice.line1,
          practiceLine2: practice.line2,
          practiceCity: practice.city,
          practiceState: practice.state,
          practicePostalCode: practice.postalCode,
          practiceZip5: practice.zip5,
          practicePhone: practice.phone,
          authorizedOfficial: official ? (title ? `${official}, ${title}` : official) : null,
          enumerationDate: row.enumerationDate ?? null,
          deactivationDate,
        },
      };
    }

    const lastName = row.lastName;
    if (!lastName) {
      ctx.addIssue({ code: "custom", message: `${names.lastName} is empty for an individual` });
      return z.NEVER;
    }
    const mailing = place(row, "mailing", names, ctx);
    if (!mailing) return z.NEVER;
    return {
      kind: "individual",
      npi,
      hcp: {
        npi,
        entityType: 1,
        lastName,
        firstName: row.firstName ?? null,
        middleName: row.middleName ?? null,
        namePrefix: row.namePrefix ?? null,
        nameSuffix: row.nameSuffix ?? null,
        credential: row.credential ?? null,
        sex: row.sex ?? null,
        enumerationDate: row.enumerationDate ?? null,
        lastUpdateDate: row.lastUpdateDate ?? null,
        deactivationDate,
        reactivationDate: row.reactivationDate ?? null,
        primaryTaxonomyCode,
        practiceLine1: practice.line1,
        practiceLine2: practice.line2,
        practiceCity: practice.city,
        practiceState: practice.state,
        practicePostalCode: practice.postalCode,
        practiceZip5: practice.zip5,
        practicePhone: practice.phone,
        mailingLine1: mailing.line1,
        mailingLine2: mailing.line2,
        mailingCity: mailing.city,
        mailingState: mailing.state,
        mailingPostalCode: mailing.postalCode,
        mailingZip5: mailing.zip5,
        mailingPhone: mailing.phone,
      },
      taxonomies,
    };
  });
}
