import { importRequested } from "../events";
import { defineImport, type ImportFunctionSpec } from "./define-import";

export const importZipCentroidsSpec: ImportFunctionSpec = { id: "import-zip-centroids", name: "Import ZIP centroids", trigger: importRequested.zip_centroids };
export const importZipCentroids = defineImport(importZipCentroidsSpec);
