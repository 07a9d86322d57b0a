import { importRequested } from "../events";
import { defineImport, type ImportFunctionSpec } from "./define-import";

export const importNuccTaxonomySpec: ImportFunctionSpec = { id: "import-nucc-taxonomy", name: "Import the NUCC taxonomy", trigger: importRequested.nucc_taxonomy };
export const importNuccTaxonomy = defineImport(importNuccTaxonomySpec);
