// One pipeline per dataset kind.
import { nppesPipeline } from "./nppes";
import { nppesEndpointPipeline } from "./nppes-endpoint";
import { nppesOtherNamePipeline } from "./nppes-other-name";
import { nppesPracticeLocationPipeline } from "./nppes-practice-location";
import { nuccTaxonomyPipeline } from "./nucc-taxonomy";
import { openPaymentsPipeline } from "./open-payments";
import { partDPipeline } from "./part-d";
import { type Dataset, type DatasetPipeline } from "./types";
import { zipCentroidsPipeline } from "./zip-centroids";

export const pipelines: Readonly<Record<Dataset, DatasetPipeline<string, unknown>>> = {
  nppes: nppesPipeline as unknown as DatasetPipeline<string, unknown>,
  nppes_practice_location: nppesPracticeLocationPipeline as unknown as DatasetPipeline<string, unknown>,
  nppes_other_name: nppesOtherNamePipeline as unknown as DatasetPipeline<string, unknown>,
  nppes_endpoint: nppesEndpointPipeline as unknown as DatasetPipeline<string, unknown>,
  part_d: partDPipeline as unknown as DatasetPipeline<string, unknown>,
  open_payments: openPaymentsPipeline as unknown as DatasetPipeline<string, unknown>,
  nucc_taxonomy: nuccTaxonomyPipeline as unknown as DatasetPipeline<string, unknown>,
  zip_centroids: zipCentroidsPipeline as unknown as DatasetPipeline<string, unknown>,
};

export const DATASETS = Object.keys(pipelines) as Dataset[];
export type { Dataset, DatasetPipeline } from "./types";
