// The physician list's filters, sort and page live in the URL: shareable, and the back button works.
import { z } from "zod";

export const sortKeys = ["name", "specialty", "city", "state"] as const;
export type SortKey = (typeof sortKeys)[number];
export const pageSizes = [25, 50, 100] as const;
export type PageSize = (typeof pageSizes)[number];

const searchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  specialty: z.string().trim().max(200).catch(""),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .or(z.literal(""))
    .catch(""),
  mine: z.enum(["1", "0"]).optional().catch(undefined),
  sort: z.enum(sortKeys).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .pipe(z.union([z.literal(25), z.literal(50), z.literal(100)]))
    .catch(25),
});

export interface DirectoryParams {
  q: string;
  specialty: string;
  state: string;
  mine: boolean;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  pageSize: PageSize;
}

/** Reads the URL; `mineDefault` applies when the URL does not say (on for reps and managers). */
export function parseDirectoryParams(search: URLSearchParams, mineDefault: boolean): DirectoryParams {
  const raw = searchSchema.parse({
    q: search.get("q") ?? "",
    specialty: search.get("specialty") ?? "",
    state: search.get("state") ?? "",
    mine: search.get("mine") ?? undefined,
    sort: search.get("sort") ?? "name",
    dir: search.get("dir") ?? "asc",
    page: search.get("page") ?? 1,
    size: search.get("size") ?? 25,
  });
  return {
    q: raw.q,
    specialty: raw.specialty,
    state: raw.state,
    mine: raw.mine === undefined ? mineDefault : raw.mine === "1",
    sort: raw.sort,
    dir: raw.dir,
    page: raw.page,
    pageSize: raw.size,
  };
}

/** The query string for `params`, leaving out defaults so links stay short. */
export function directorySearch(params: DirectoryParams, mineDefault: boolean): string {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.specialty) out.set("specialty", params.specialty);
  if (params.state) out.set("state", params.state);
  if (params.mine !== mineDefault) out.set("mine", params.mine ? "1" : "0");
  if (params.sort !== "name") out.set("sort", params.sort);
  if (params.dir !== "asc") out.set("dir", params.dir);
  if (params.page !== 1) out.set("page", String(params.page));
  if (params.pageSize !== 25) out.set("size", String(params.pageSize));
  const query = out.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(params: DirectoryParams, mineDefault: boolean): boolean {
  return Boolean(params.q || params.specialty || params.state || params.mine !== mineDefault);
}
