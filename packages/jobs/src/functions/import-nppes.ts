import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNppesSpec: ImportFunctionSpec = {
  id: "import-nppes",
  name: "Import NPPES providers (NPI registry)",
  trigger: importRequested.nppes,
};
