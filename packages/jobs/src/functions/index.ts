// Every background job of the app, once: the serve route takes their Inngest functions, the in-process runner builds
// its own from the same definitions.
import { importJob } from "./define-import";
import { embedHcpProfilesJob } from "./embed-hcp-profiles";
import { importNppesSpec } from "./import-nppes";
import { importNppes2017Spec } from "./import-nppes-2017";
import { importNppesEndpointsSpec } from "./import-nppes-endpoints";
import { importNppesOtherNamesSpec } from "./import-nppes-other-names";
import { importNppesPracticeLocationsSpec } from "./import-nppes-practice-locations";
import { importNuccTaxonomySpec } from "./import-nucc-taxonomy";
import { importOpenPaymentsSpec } from "./import-open-payments";
import { importPartDSpec } from "./import-part-d";
import { importZipCentroidsSpec } from "./import-zip-centroids";
import { inngestFunction, type AnyJob } from "./job";

const importSpecs = [
  importNppesSpec,
  importNppes2017Spec,
  importNppesPracticeLocationsSpec,
  importNppesOtherNamesSpec,
  importNppesEndpointsSpec,
  importPartDSpec,
  importOpenPaymentsSpec,
  importNuccTaxonomySpec,
  importZipCentroidsSpec,
];

export const jobs: readonly AnyJob[] = [...importSpecs.map(importJob), embedHcpProfilesJob];

export const functions = jobs.map((job) => inngestFunction(job));

export { defineImport, type ImportFunctionSpec } from "./define-import";
export { defineEmbedHcpProfiles, NO_EMBEDDING_MODEL, type EmbedProfilesResult } from "./embed-hcp-profiles";
export { type AnyJob } from "./job";
