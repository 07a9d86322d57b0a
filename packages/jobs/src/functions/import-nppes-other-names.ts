import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNppesOtherNamesSpec: ImportFunctionSpec = {
  id: "import-nppes-other-names",
  name: "Import NPPES other names",
  trigger: importRequested.nppes_other_name,
};
