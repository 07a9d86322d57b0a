// Medicare Part D Prescribers — by Provider and Drug (data.cms.gov "MUP_DPR"), current layout: 22 columns.
// One file per data year; the year is not a column.
export const PART_D_HEADER = [
  "Prscrbr_NPI",
  "Prscrbr_Last_Org_Name",
  "Prscrbr_First_Name",
  "Prscrbr_City",
  "Prscrbr_State_Abrvtn",
  "Prscrbr_State_FIPS",
  "Prscrbr_Type",
  "Prscrbr_Type_Src",
  "Brnd_Name",
  "Gnrc_Name",
  "Tot_Clms",
  "Tot_30day_Fills",
  "Tot_Day_Suply",
  "Tot_Drug_Cst",
  "Tot_Benes",
  "GE65_Sprsn_Flag",
  "GE65_Tot_Clms",
  "GE65_Tot_30day_Fills",
  "GE65_Tot_Drug_Cst",
  "GE65_Tot_Day_Suply",
  "GE65_Bene_Sprsn_Flag",
  "GE65_Tot_Benes",
] as const;

export type PartDColumn = (typeof PART_D_HEADER)[number];
