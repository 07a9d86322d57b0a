// searchPhysicians: the search page's own search (free text parsed in the database's words), condensed to the top
// results with why each is there. HCP identity is public reference data; tenant records never appear here, and
// `mine` keeps the results to the viewer's territories.
import { tool } from "ai";
import { z } from "zod";

import { plainText, searchPhysicians as search, type FigureSource } from "@pharmacrm/domain";

import { getEmbeddingModel, queryEmbedder } from "../embeddings";
import {
  hcpLink,
  inputSchemaOf,
  orFailure,
  referenceSources,
  scopeOf,
  type ToolContext,
  type ToolFailure,
} from "./result";

export const searchPhysiciansInput = z.object({
  query: plainText("Search text")
    .min(1, "Say whom to look for.")
    .max(200, "Search text is limited to 200 characters.")
    .describe('What the rep typed, e.g. "cardiologists in Boston writing Eliquis" or "Dr Smith 02115" or an NPI.'),
  mine: z.boolean().default(false).describe("Only physicians practising in the rep's own territories."),
  limit: z.number().int().min(1).max(50).default(8),
});

export interface PhysicianHit {
  npi: string;
  name: string;
  credential: string | null;
  specialty: string | null;
  city: string | null;
  state: string | null;
  zip5: string | null;
  inMyTerritories: boolean;
  /** Claims of the searched drug or market in the latest Part D year, when the search was about prescribing. */
  claims: number | null;
  /** Why it matched, e.g. "matched: Cardiovascular Disease · 4 mi · 412 Eliquis claims". */
  explanation: string;
  link: string;
}

export interface SearchPhysiciansResult {
  status: "ok";
  query: string;
  /** What the search understood, e.g. ["specialty: Cardiology", "near BOSTON, MA"]. */
  understood: string[];
  /** Matches counted (at most 10,000; `totalIsLowerBound` beyond); the results are the best `limit`. */
  total: number;
  totalIsLowerBound: boolean;
  results: PhysicianHit[];
  notices: string[];
  /** NPPES for identity; Part D (latest data year) for claims. */
  sources: FigureSource[];
}

export type SearchPhysiciansOutput = SearchPhysiciansResult | ToolFailure;

export function searchPhysiciansTool(ctx: ToolContext) {
  return tool({
    description:
      "Find physicians (HCPs) by name, NPI, specialty, place, drug prescribed, the org's markets or manufacturer payments. Returns the best matches with why each matched and whether they practise in the rep's territories.",
    inputSchema: inputSchemaOf(searchPhysiciansInput),
    execute: async ({ query, mine, limit }): Promise<SearchPhysiciansOutput> =>
      orFailure(async () => {
        const found = await search(
          ctx.db,
          await scopeOf(ctx),
          { text: query, mine, limit },
          { embedQuery: queryEmbedder(getEmbeddingModel()) },
        );
        return {
          status: "ok" as const,
          query,
          understood: found.understood.map((u) => u.label),
          total: found.total ?? found.items.length,
          totalIsLowerBound: found.totalIsLowerBound,
          results: found.items.map((item) => ({
            npi: item.npi,
            name: item.name,
            credential: item.credential,
            specialty: item.specialization ?? item.specialty,
            city: item.city,
            state: item.state,
            zip5: item.zip5,
            inMyTerritories: item.inMyTerritories,
            claims: item.claims,
            explanation: item.explanation,
            link: hcpLink(item.npi),
          })),
          notices: found.notices,
          sources: await referenceSources(ctx.db, ["nppes", "part_d"]),
        };
      }),
  });
}
