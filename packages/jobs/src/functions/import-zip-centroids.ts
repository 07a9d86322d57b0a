import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importZipCentroidsSpec: ImportFunctionSpec = {
  id: "import-zip-centroids",
  name: "Import ZIP centroids",
  trigger: importRequested.zip_centroids,
};
