import { importRequested } from "../events";
import { type ImportFunctionSpec } from "./define-import";

export const importOpenPaymentsSpec: ImportFunctionSpec = {
  id: "import-open-payments",
  name: "Import Open Payments general payments",
  trigger: importRequested.open_payments,
};
