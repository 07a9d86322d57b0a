// The physician search's state lives in the URL: shareable, and the back button restores an earlier search.
import { z } from "zod";

import type { PhysicianSearchInput } from "@pharmacrm/domain";
import { plainText } from "@pharmacrm/domain/validation";

// A hand-edited URL with a control character (%00) is ignored like any other unreadable value.
const text = (max: number) => plainText("Search text").max(max).catch("");
const whole = z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined);

const urlSchema = z.object({
  q: text(200),
  specialty: text(120),
  city: text(80),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .or(z.literal(""))
    .catch(""),
  near: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .or(z.literal(""))
    .catch(""),
  radius: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
  drug: text(100),
  market: z.uuid().or(z.literal("")).catch(""),
  claims: whole,
  manufacturer: text(120),
  unseen: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  mine: z.enum(["1", "0"]).optional().catch(undefined),
});

export interface SearchParams {
  q: string;
  specialty: string;
  city: string;
  state: string;
  /** ZIP to search around. */
  near: string;
  radius: number | undefined;
  drug: string;
  market: string;
  claims: number | undefined;
  manufacturer: string;
  /** Not seen (no call the viewer can see) in this many days. */
  unseen: number | undefined;
  mine: boolean;
}

/** Reads the URL; `mineDefault` applies when the URL does not say (on for reps and managers). */
export function parseSearchParams(search: URLSearchParams, mineDefault: boolean): SearchParams {
  const raw = urlSchema.parse(Object.fromEntries(search.entries()));
  const { mine, ...rest } = raw;
  return {
    ...rest,
    radius: rest.radius,
    claims: rest.claims,
    unseen: rest.unseen,
    mine: mine === undefined ? mineDefault : mine === "1",
  };
}

/** Query string for the state; values equal to their defaults are left out. */
export function searchQueryString(p: SearchParams, mineDefault: boolean): string {
  const out = new URLSearchParams();
  for (const key of ["q", "specialty", "city", "state", "near", "drug", "market", "manufacturer"] as const)
    if (p[key]) out.set(key, p[key]);
  if (p.radius !== undefined && p.near) out.set("radius", String(p.radius));
  if (p.claims !== undefined) out.set("claims", String(p.claims));
  if (p.unseen !== undefined) out.set("unseen", String(p.unseen));
  if (p.mine !== mineDefault) out.set("mine", p.mine ? "1" : "0");
  const query = out.toString();
  return query ? `?${query}` : "";
}

/** True when any filter other than the territory default is set. */
export function hasFilters(p: SearchParams, mineDefault: boolean): boolean {
  return searchQueryString({ ...p, mine: mineDefault }, mineDefault) !== "";
}

/** The API input for the state (the text box is parsed by the server; panel filters win over the text). */
export function searchInput(p: SearchParams): PhysicianSearchInput {
  return {
    text: p.q || undefined,
    specialty: p.specialty ? [p.specialty] : undefined,
    city: p.city || undefined,
    state: p.state || undefined,
    near: p.near ? { zip: p.near } : undefined,
    radiusMiles: p.near ? (p.radius ?? 25) : undefined,
    drug: p.drug || undefined,
    marketId: p.market || undefined,
    minClaims: p.drug || p.market ? p.claims : undefined,
    manufacturer: p.manufacturer || undefined,
    notSeenDays: p.unseen,
    mine: p.mine,
  };
}
