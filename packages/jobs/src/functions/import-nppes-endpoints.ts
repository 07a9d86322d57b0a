import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNppesEndpointsSpec: ImportFunctionSpec = {
  id: "import-nppes-endpoints",
  name: "Import NPPES endpoints",
  trigger: importRequested.nppes_endpoint,
};
