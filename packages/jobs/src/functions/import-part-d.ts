import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importPartDSpec: ImportFunctionSpec = {
  id: "import-part-d",
  name: "Import Medicare Part D prescribers",
  trigger: importRequested.part_d,
};
