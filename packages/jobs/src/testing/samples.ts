// The real CMS sample files (../shared/data/cms beside the repository) the job tests import.
import { join } from "node:path";
import { workspaceRoot } from "@pharmacrm/config/paths";

const cmsSample = (path: string): string => join(workspaceRoot(), "..", "shared", "data", "cms", path);

export const PART_D_DIRTY = cmsSample("partd/USA_Presc_Medicare_Data_2021_COURSE_MODIFIED.csv");
export const NPPES_2017 = cmsSample("nppes/npidata_20050523-20170813_subset10rows_noheader.csv");
export const NPPES_2017_HEADER = cmsSample("nppes/npidata_20050523-20170813FileHeader.csv");
export const OPEN_PAYMENTS_2024 = cmsSample("open_payments/OP_DTL_GNRL_PGYR2024_sample_first154rows.csv");
export const OTHER_NAMES = cmsSample("nppes/othername_pfile_20251103-20251109.csv");
export const NUCC_251 = cmsSample("nucc_taxonomy/nucc_taxonomy_251.csv");
