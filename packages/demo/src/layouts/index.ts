// The official layouts live with the ingestion pipelines that read them; the generator writes the same headers.
export {
  NPPES_HEADER,
  OPEN_PAYMENTS_HEADER,
  PART_D_HEADER,
  nppesTaxonomyColumns,
  type NppesColumn,
  type NppesSlot,
  type OpenPaymentsColumn,
  type PartDColumn,
} from "@pharmacrm/ingest/layouts";
export {
  NPPES_ENDPOINT_HEADER,
  NPPES_PRACTICE_LOCATION_HEADER,
  type NppesEndpointColumn,
  type NppesPracticeLocationColumn,
} from "./nppes-companions";
export { toRow, type PartialRecord } from "./to-row";
