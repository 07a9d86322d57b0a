// Entry point for reuse: the mapping functions (record → table values) are pure and independent of this demo
// loader, so the real NPPES / Part D / Open Payments ingestion pipelines can build on them.
export { loadCsvFile, type CsvLoadResult, type CsvLoadSpec, type Dataset } from "./load-csv-file";
export { insertInBatches, ROWS_PER_STATEMENT, type InsertOptions } from "./batch-insert";
export { loadNuccTaxonomy, loadReferenceData, loadZipCentroids } from "./load-reference";
export { centroidLookup, loadNppesFile, type NppesLoadResult } from "./load-nppes";
export { loadPartDFile } from "./load-part-d";
export { loadOpenPaymentsFile } from "./load-open-payments";
export { loadDemoFiles, type DemoLoadResult } from "./load-demo-files";
export { mapNppesRecord, taxonomySlotsOf, NPPES_REQUIRED_COLUMNS, type NppesMapped, type CentroidLookup } from "./map-nppes";
export { mapPartDRecord, PART_D_REQUIRED_COLUMNS, type PartDMapped } from "./map-part-d";
export { mapOpenPaymentRecord, OPEN_PAYMENTS_REQUIRED_COLUMNS, type OpenPaymentMapped } from "./map-open-payments";
