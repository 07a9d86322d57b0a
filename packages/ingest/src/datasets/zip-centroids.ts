// US ZIP centroids (GeoNames via vega-datasets: zip_code, latitude, longitude, city, state, county) → zip_centroid.
// Credit "GeoNames (geonames.org)", CC-BY-4.0. Duplicate rule: a ZIP's first valid row wins.
import { z } from "zod";

import { zipCentroid, type Db } from "@pharmacrm/db";

import { rowFields } from "../fields/row-fields";
import { postalCode } from "../fields/values";
import { upsertCounting } from "../load/merge";
import { type StageSource } from "../load/stage";
import { definePipeline } from "./types";

export const zipCentroidsPipeline = definePipeline({
  dataset: "zip_centroids",
  title: "ZIP code centroids",
  duplicateRule: "first valid row of a ZIP code wins; later rows with the same ZIP are quarantined",
  columns: {
    aliases: {
      zip: ["zip_code", "zip", "zipcode"],
      lat: ["latitude", "lat"],
      lng: ["longitude", "lng", "lon"],
      city: ["city"],
      state: ["state"],
      county: ["county"],
    },
    required: ["zip", "lat", "lng", "city", "state"],
    layouts: [{ name: "geonames-zip", markers: [] }],
  },
  describe: () => ({ dataYear: null, release: null }),
  rowSchema: ({ names }) => {
    const f = rowFields(names);
    return z
      .object({
        zip: f.raw("zip"),
        lat: f.float("lat", { required: true, min: -90, max: 90 }),
        lng: f.float("lng", { required: true, min: -180, max: 180 }),
        city: f.text("city", { required: true }),
        state: f.stateCode("state", { required: true }),
        county: f.text("county"),
      })
      .transform((row, ctx) => {
        const zip = postalCode(row.zip);
        if (!zip.ok || zip.value === null || zip.value.postalCode.length !== 5) {
          ctx.addIssue({ code: "custom", message: `${names.zip} '${row.zip ?? ""}' is not a 5-digit ZIP code` });
          return z.NEVER;
        }
        return {
          zip: zip.value.zip5!,
          lat: row.lat!,
          lng: row.lng!,
          city: row.city!,
          state: row.state!,
          county: row.county,
        };
      });
  },
  key: (record) => {
    const zip = postalCode(record.zip);
    return zip.ok && zip.value?.postalCode.length === 5
      ? { key: zip.value.postalCode, label: `ZIP ${zip.value.postalCode}` }
      : undefined;
  },
  stage: (rows) => ({ zip: { table: zipCentroid, rows } }),
  merge: (tx: Db, source: StageSource) =>
    upsertCounting(tx, { target: "zip", table: zipCentroid, conflict: ["zip"] }, source),
});
