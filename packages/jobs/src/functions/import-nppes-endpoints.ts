import { importRequested } from "../events";
import { defineImport, type ImportFunctionSpec } from "./define-import";

export const importNppesEndpointsSpec: ImportFunctionSpec = { id: "import-nppes-endpoints", name: "Import NPPES endpoints", trigger: importRequested.nppes_endpoint };
export const importNppesEndpoints = defineImport(importNppesEndpointsSpec);
