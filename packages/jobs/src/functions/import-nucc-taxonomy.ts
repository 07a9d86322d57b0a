import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNuccTaxonomySpec: ImportFunctionSpec = {
  id: "import-nucc-taxonomy",
  name: "Import the NUCC taxonomy",
  trigger: importRequested.nucc_taxonomy,
};
