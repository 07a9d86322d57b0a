// Open Payments general payments (OP_DTL_GNRL_PGYR<year>) → open_payment, one row per CMS Record_ID. The program
// year is a column (Program_Year); the run's year and release ("PY2024") come from the first row. Teaching-hospital
// rows have no NPI (they carry a CCN). Before PY2016 the recipient columns were "Physician_*".
// Duplicate rule: a Record_ID's first valid row wins; later rows with the same Record_ID are quarantined.
import { basename } from "node:path";
import { z } from "zod";

import { openPayment, refreshRankedTotals, type Db } from "@pharmacrm/db";

import { IngestionError } from "../errors";
import { rowFields } from "../fields/row-fields";
import { code, postalCode, wholeNumber } from "../fields/values";
import { OPEN_PAYMENTS_HEADER } from "../layouts/open-payments";
import { upsertCounting } from "../load/merge";
import { type StageSource } from "../load/stage";
import { assertYear } from "./release";
import { definePipeline } from "./types";

const PRODUCT_FIELDS = ["product1", "product2", "product3", "product4", "product5"] as const;
const productAliases = (n: number) => [
  `Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_${n}`,
  `Name_of_Associated_Covered_Drug_or_Biological${n}`,
];

const US = new Set(["UNITED STATES", "US", "USA"]);

export const openPaymentsPipeline = definePipeline({
  dataset: "open_payments",
  title: "Open Payments general payments",
  duplicateRule: "first valid row of a Record_ID wins; later rows with the same Record_ID are quarantined",
  columns: {
    aliases: {
      recordId: ["Record_ID"],
      programYear: ["Program_Year"],
      changeType: ["Change_Type"],
      recipientType: ["Covered_Recipient_Type"],
      npi: ["Covered_Recipient_NPI", "Physician_NPI"],
      teachingHospitalCcn: ["Teaching_Hospital_CCN"],
      teachingHospitalName: ["Teaching_Hospital_Name"],
      firstName: ["Covered_Recipient_First_Name", "Physician_First_Name"],
      lastName: ["Covered_Recipient_Last_Name", "Physician_Last_Name"],
      city: ["Recipient_City"],
      state: ["Recipient_State"],
      zip: ["Recipient_Zip_Code"],
      country: ["Recipient_Country"],
      manufacturerId: ["Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID"],
      manufacturerName: ["Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name"],
      amount: ["Total_Amount_of_Payment_USDollars"],
      paymentDate: ["Date_of_Payment"],
      numberOfPayments: ["Number_of_Payments_Included_in_Total_Amount"],
      form: ["Form_of_Payment_or_Transfer_of_Value"],
      nature: ["Nature_of_Payment_or_Transfer_of_Value"],
      disputeStatus: ["Dispute_Status_for_Publication"],
      product1: productAliases(1),
      product2: productAliases(2),
      product3: productAliases(3),
      product4: productAliases(4),
      product5: productAliases(5),
    },
    required: [
      "recordId",
      "programYear",
      "recipientType",
      "amount",
      "paymentDate",
      "nature",
      "manufacturerId",
      "manufacturerName",
    ],
    layouts: [
      { name: "op-general-covered-recipient", markers: ["Covered_Recipient_NPI"] },
      { name: "op-general-physician", markers: ["Physician_NPI"] },
    ],
    ignored: OPEN_PAYMENTS_HEADER,
  },
  describe: ({ fileName, firstRow }) => {
    const year = wholeNumber(firstRow?.programYear);
    if (!year.ok || year.value === null)
      throw new IngestionError(`${basename(fileName)}: no Program_Year in the first row`);
    assertYear(year.value, fileName);
    return { dataYear: year.value, release: `PY${year.value}` };
  },
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        recordId: f.wholeNumber("recordId", { required: true }),
        programYear: f.wholeNumber("programYear", { required: true, min: 2013 }),
        changeType: f.text("changeType", { max: 20 }),
        recipientType: f.text("recipientType", { required: true }),
        npi: f.npi("npi"),
        teachingHospitalCcn: f.code("teachingHospitalCcn", { max: 10 }),
        teachingHospitalName: f.text("teachingHospitalName"),
        firstName: f.text("firstName"),
        lastName: f.text("lastName"),
        city: f.text("city"),
        state: f.text("state"),
        zip: f.raw("zip"),
        country: f.text("country"),
        manufacturerId: f.code("manufacturerId", { required: true, max: 20 }),
        manufacturerName: f.text("manufacturerName", { required: true }),
        amount: f.decimal("amount", { required: true }),
        paymentDate: f.date("paymentDate", { required: true }),
        numberOfPayments: f.wholeNumber("numberOfPayments", { min: 1 }),
        form: f.text("form"),
        nature: f.text("nature", { required: true }),
        disputeStatus: f.text("disputeStatus", { max: 10 }),
        product1: f.text("product1"),
        product2: f.text("product2"),
        product3: f.text("product3"),
        product4: f.text("product4"),
        product5: f.text("product5"),
      })
      .transform((row, ctx) => {
        const domestic = row.country === null || US.has(row.country.toUpperCase());
        const zip = postalCode(row.zip, domestic ? "US" : "XX");
        if (!zip.ok) {
          ctx.addIssue({ code: "custom", message: `${names.zip} ${zip.problem}` });
          return z.NEVER;
        }
        const state = row.state && domestic ? row.state : null;
        if (state !== null && !/^[A-Z]{2}$/i.test(state)) {
          ctx.addIssue({ code: "custom", message: `${names.state} '${state}' is not a two-letter state code` });
          return z.NEVER;
        }
        return {
          recordId: row.recordId!,
          programYear: row.programYear!,
          changeType: row.changeType,
          recipientType: row.recipientType!,
          // Teaching hospitals are identified by CCN and have no NPI in this file.
          npi: row.npi,
          teachingHospitalCcn: row.teachingHospitalCcn,
          teachingHospitalName: row.teachingHospitalName,
          recipientFirstName: row.firstName,
          recipientLastName: row.lastName,
          recipientCity: row.city,
          recipientState: state?.toUpperCase() ?? null,
          recipientZip5: zip.value?.zip5 ?? null,
          manufacturerId: row.manufacturerId!,
          manufacturerName: row.manufacturerName!,
          amountUsd: row.amount!,
          paymentDate: row.paymentDate!,
          numberOfPayments: row.numberOfPayments ?? 1,
          form: row.form,
          nature: row.nature!,
          productNames: PRODUCT_FIELDS.map((field) => row[field]).filter((name): name is string => name !== null),
          disputeStatus: row.disputeStatus,
        };
      });
  },
  key: (record) => {
    const id = code(record.recordId);
    return id === null ? undefined : { key: id, label: `Record_ID ${id}` };
  },
  stage: (rows) => ({ payment: { table: openPayment, rows } }),
  bulkTables: [openPayment],
  merge: (tx: Db, source: StageSource) =>
    upsertCounting(tx, { target: "payment", table: openPayment, conflict: ["recordId"] }, source),
  // Search ranks prescribers and payees from these totals; they follow the data when the run completes.
  finalize: async (tx: Db) => {
    await refreshRankedTotals(tx, "payments");
    return {};
  },
});
