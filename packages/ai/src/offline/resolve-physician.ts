// Turning "Dr Smith" into one NPI from the search tool's results: one match, or the one exact-name match in the
// rep's own territories, or the only result carrying a full name, is taken; several leave the choice to the rep; none is said plainly.
import type { PhysicianHit, SearchPhysiciansOutput } from "../tools/search-physicians";

export type Resolution =
  | { kind: "one"; hit: PhysicianHit }
  | { kind: "several"; hits: PhysicianHit[]; total: number }
  | { kind: "none"; message: string };

const NPI = /^\d{10}$/;

export function resolvePhysician(name: string, output: SearchPhysiciansOutput): Resolution {
  if (output.status !== "ok") return { kind: "none", message: output.message };
  const hits = output.results.filter((hit) => NPI.test(hit.npi));
  if (hits.length === 0) return { kind: "none", message: `I found no physician matching “${name}”.` };
  if (hits.length === 1) return { kind: "one", hit: hits[0]! };
  const wanted = name.toLowerCase().split(/\s+/);
  const exact = (hit: PhysicianHit) => {
    const words = hit.name.toLowerCase().split(/[\s,.]+/);
    return wanted.every((w) => words.includes(w));
  };
  const mine = hits.filter((hit) => hit.inMyTerritories && exact(hit));
  if (mine.length === 1) return { kind: "one", hit: mine[0]! };
  const exactAnywhere = hits.filter(exact);
  // A full name ("Sarah Chen") that only one result carries is that person, even outside the territory.
  if (wanted.length >= 2 && exactAnywhere.length === 1) return { kind: "one", hit: exactAnywhere[0]! };
  return { kind: "several", hits, total: output.total };
}
