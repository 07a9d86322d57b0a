// The official CMS file layouts (current headers): what the generator writes and what the pipelines expect.
export { NPPES_HEADER, NPPES_TAXONOMY_SLOTS, nppesTaxonomyColumns, type NppesColumn, type NppesSlot } from "./nppes";
export { PART_D_HEADER, type PartDColumn } from "./part-d";
export { OPEN_PAYMENTS_HEADER, type OpenPaymentsColumn } from "./open-payments";
