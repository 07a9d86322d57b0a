// The fixed query mix of the search benchmark: what reps type (names with typos, lay specialties, places,
// drugs, payers) and what the filters panel sends.
import type { PhysicianSearchInput } from "../input";

export interface BenchQuery {
  kind: "name" | "name+filters" | "specialty/place" | "prescribing" | "payments" | "browse";
  label: string;
  input: PhysicianSearchInput;
  /** Run as a rep of the Boston territory (otherwise as an admin). */
  rep?: boolean;
}

const text = (kind: BenchQuery["kind"], value: string, rep = false): BenchQuery => ({
  kind,
  label: value,
  input: { text: value },
  rep,
});

export const BENCH_QUERIES: BenchQuery[] = [
  text("name", "smth"),
  text("name", "jonson"),
  text("name", "willaims"),
  text("name", "john smith"),
  text("name", "maria garcia"),
  text("name", "smi"),
  text("name", "1000000050"),
  text("name+filters", "dr smth cardiology boston"),
  text("name+filters", "garcia dermatology texas"),
  text("name+filters", "patel near 60601 within 25 miles"),
  text("specialty/place", "heart doctor near 02115 within 10 miles"),
  text("specialty/place", "skin doctor in chicago"),
  text("specialty/place", "family medicine near 94102 within 5 miles"),
  text("specialty/place", "oncology new york"),
  text("specialty/place", "cardiology"),
  text("specialty/place", "pediatrician CA"),
  text("prescribing", "writes eliquis"),
  text("prescribing", "writes jardiance at least 300 claims"),
  text("prescribing", "endocrinologist writes ozempic"),
  text("prescribing", "anticoagulants near 02115 within 20 miles"),
  text("payments", "paid by pfizer"),
  text("payments", "cardiology paid by bristol-myers"),
  { kind: "browse", label: "(rep) my territory, no text", input: { mine: true }, rep: true },
  { kind: "browse", label: "(rep) smith in my territory", input: { text: "smith", mine: true }, rep: true },
  { kind: "browse", label: "(admin) everyone, name order", input: {} },
];
