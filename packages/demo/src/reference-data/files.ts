// Reference files shipped with the package (see packages/demo/reference/).
import { fileURLToPath } from "node:url";

export const NUCC_TAXONOMY_FILE = fileURLToPath(new URL("../../reference/nucc_taxonomy_251.csv", import.meta.url));
export const NUCC_TAXONOMY_RELEASE = "NUCC v25.1";

// ZIP centroids: GeoNames (geonames.org), CC-BY-4.0, via vega-datasets.
export const ZIP_CENTROIDS_FILE = fileURLToPath(new URL("../../reference/zipcodes_geonames_2017.csv", import.meta.url));
export const ZIP_CENTROIDS_RELEASE = "GeoNames (geonames.org) 2017, CC-BY-4.0";
