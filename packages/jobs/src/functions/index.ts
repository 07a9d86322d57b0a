// Every Inngest function of the app, for the serve route and the in-process runner.
import { importNppes, importNppesSpec } from "./import-nppes";
import { importNppes2017, importNppes2017Spec } from "./import-nppes-2017";
import { importNppesPracticeLocations, importNppesPracticeLocationsSpec } from "./import-nppes-practice-locations";
import { importNppesOtherNames, importNppesOtherNamesSpec } from "./import-nppes-other-names";
import { importNppesEndpoints, importNppesEndpointsSpec } from "./import-nppes-endpoints";
import { importPartD, importPartDSpec } from "./import-part-d";
import { importOpenPayments, importOpenPaymentsSpec } from "./import-open-payments";
import { importNuccTaxonomy, importNuccTaxonomySpec } from "./import-nucc-taxonomy";
import { importZipCentroids, importZipCentroidsSpec } from "./import-zip-centroids";
import { embedHcpProfilesFunction } from "./embed-hcp-profiles";

export const functions = [importNppes, importNppes2017, importNppesPracticeLocations, importNppesOtherNames, importNppesEndpoints, importPartD, importOpenPayments, importNuccTaxonomy, importZipCentroids, embedHcpProfilesFunction];

/** The specs, to build the same functions over another database (tests, the in-process runner). */
export const importSpecs = [importNppesSpec, importNppes2017Spec, importNppesPracticeLocationsSpec, importNppesOtherNamesSpec, importNppesEndpointsSpec, importPartDSpec, importOpenPaymentsSpec, importNuccTaxonomySpec, importZipCentroidsSpec];

export { defineImport, importHandler, type ImportFunctionSpec } from "./define-import";
export { defineEmbedHcpProfiles, NO_EMBEDDING_MODEL, type EmbedProfilesResult } from "./embed-hcp-profiles";
