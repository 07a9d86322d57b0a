import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNppesPracticeLocationsSpec: ImportFunctionSpec = {
  id: "import-nppes-practice-locations",
  name: "Import NPPES practice locations",
  trigger: importRequested.nppes_practice_location,
};
