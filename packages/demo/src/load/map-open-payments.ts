// Open Payments general-payment record (91-column layout) → open_payment values.
import { type openPayment } from "@pharmacrm/db";
import { type CsvRecord } from "../csv/read-csv";
import { decimal, digits, integer, isoDate, postalCode, text } from "./fields";

export type OpenPaymentValues = typeof openPayment.$inferInsert;
export type OpenPaymentMapped = { kind: "row"; row: OpenPaymentValues } | { kind: "quarantine"; reason: string };

export const OPEN_PAYMENTS_REQUIRED_COLUMNS = [
  "Record_ID",
  "Program_Year",
  "Covered_Recipient_Type",
  "Covered_Recipient_NPI",
  "Total_Amount_of_Payment_USDollars",
  "Date_of_Payment",
  "Nature_of_Payment_or_Transfer_of_Value",
  "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID",
  "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name",
];

const PRODUCT_NAME_COLUMNS = [1, 2, 3, 4, 5].map((n) => `Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_${n}`);

export function mapOpenPaymentRecord(record: CsvRecord): OpenPaymentMapped {
  const recordId = integer(record["Record_ID"]);
  const programYear = integer(record["Program_Year"]);
  const amountUsd = decimal(record["Total_Amount_of_Payment_USDollars"]);
  const paymentDate = isoDate(record["Date_of_Payment"]);
  const recipientType = text(record["Covered_Recipient_Type"]);
  const manufacturerId = digits(record["Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID"]);
  const manufacturerName = text(record["Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name"]);
  const nature = text(record["Nature_of_Payment_or_Transfer_of_Value"]);
  if (recordId === null || programYear === null) return { kind: "quarantine", reason: "missing record id or program year" };
  if (!amountUsd || !paymentDate) return { kind: "quarantine", reason: "missing amount or date" };
  if (!recipientType || !manufacturerId || !manufacturerName || !nature) return { kind: "quarantine", reason: "missing payer, recipient or nature" };
  const npi = digits(record["Covered_Recipient_NPI"]);
  const zip = postalCode(record["Recipient_Zip_Code"]);
  return {
    kind: "row",
    row: {
      recordId,
      programYear,
      changeType: text(record["Change_Type"]),
      recipientType,
      // Teaching hospitals have no NPI in this file; they are identified by CCN.
      npi: npi && npi.length === 10 ? npi : null,
      teachingHospitalCcn: text(record["Teaching_Hospital_CCN"]),
      teachingHospitalName: text(record["Teaching_Hospital_Name"]),
      recipientFirstName: text(record["Covered_Recipient_First_Name"]),
      recipientLastName: text(record["Covered_Recipient_Last_Name"]),
      recipientCity: text(record["Recipient_City"]),
      recipientState: text(record["Recipient_State"])?.slice(0, 2) ?? null,
      recipientZip5: zip?.zip5 ?? null,
      manufacturerId,
      manufacturerName,
      amountUsd,
      paymentDate,
      numberOfPayments: integer(record["Number_of_Payments_Included_in_Total_Amount"]) ?? 1,
      form: text(record["Form_of_Payment_or_Transfer_of_Value"]),
      nature,
      productNames: PRODUCT_NAME_COLUMNS.map((column) => text(record[column])).filter((name): name is string => name !== null),
      disputeStatus: text(record["Dispute_Status_for_Publication"]),
    },
  };
}
