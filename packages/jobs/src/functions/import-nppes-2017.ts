import { nppes2017ImportRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importNppes2017Spec: ImportFunctionSpec = {
  id: "import-nppes-2017",
  name: "Import NPPES providers, 2017 layout (separate header file)",
  trigger: nppes2017ImportRequested,
};
