// Call-plan targets from a CSV file: which column is the NPI and which the planned calls (found from the header
// row, or chosen), a dry run reporting each row set aside with its line, column and reason, then apply. Applying
// writes the good rows only, in one transaction, audited like every other change of targets. Reasons never quote
// the file's cells.
import { inArray } from "drizzle-orm";
import type { z } from "zod";

import { hcp, type Db } from "@pharmacrm/db";

import { applyOrDryRun, headerWord, readCsv } from "../csv-import";
import { DomainError } from "../errors";
import type { Scope } from "../scope";
import { NPI_PATTERN } from "../validation";
import { planForChange } from "./access";
import { importPlanTargetsInput, MAX_PLANNED_CALLS } from "./input";
import { alignedTo, applyTargets, inChunks } from "./targets";

const MAX_ROWS = 20_000;

const HEADER_WORDS = {
  npi: ["npi", "hcp npi", "npi number", "prescriber npi"],
  plannedCalls: ["planned calls", "planned", "calls", "call goal", "frequency", "target calls"],
};

export interface SetAside {
  line: number;
  column: "NPI" | "Planned calls";
  reason: string;
}

function columnsOf(header: string[], chosen?: { npi: number; plannedCalls: number }) {
  if (chosen) {
    if (chosen.npi >= header.length || chosen.plannedCalls >= header.length || chosen.npi === chosen.plannedCalls) {
      throw new DomainError(
        "BAD_REQUEST",
        "Choose two different columns of the file for the NPI and the planned calls.",
      );
    }
    return chosen;
  }
  const find = (words: string[]) => header.findIndex((cell) => words.includes(headerWord(cell)));
  const columns = { npi: find(HEADER_WORDS.npi), plannedCalls: find(HEADER_WORDS.plannedCalls) };
  if (columns.npi < 0 || columns.plannedCalls < 0) {
    throw new DomainError(
      "BAD_REQUEST",
      "The first row must name the columns: one called NPI and one called Planned calls (or choose the columns).",
    );
  }
  return columns;
}

/** Dry run or apply: what the file would change (or changed), and the rows set aside. */
export async function importPlanTargets(db: Db, scope: Scope, raw: z.input<typeof importPlanTargetsInput>) {
  const input = importPlanTargetsInput.parse(raw);
  const [first, ...rows] = readCsv(input.csv);
  if (!first) throw new DomainError("BAD_REQUEST", "The file is empty.");
  const header = first.cells;
  if (rows.length > MAX_ROWS)
    throw new DomainError("BAD_REQUEST", `The file has over ${MAX_ROWS.toLocaleString("en-US")} rows; split it.`);
  const columns = columnsOf(header, input.columns);

  const setAside: SetAside[] = [];
  const wanted = new Map<string, { planned: number; line: number }>();
  rows.forEach(({ cells, line }) => {
    const npi = (cells[columns.npi] ?? "").trim();
    const plannedText = (cells[columns.plannedCalls] ?? "").trim();
    if (!NPI_PATTERN.test(npi))
      return setAside.push({ line, column: "NPI", reason: npi ? "An NPI is 10 digits." : "The NPI is missing." });
    if (!/^\d{1,2}$/.test(plannedText) || Number(plannedText) > MAX_PLANNED_CALLS) {
      return setAside.push({
        line,
        column: "Planned calls",
        reason: `Planned calls must be a whole number from 0 to ${MAX_PLANNED_CALLS}.`,
      });
    }
    const first = wanted.get(npi);
    if (first)
      return setAside.push({
        line,
        column: "NPI",
        reason: `The same NPI is also on line ${first.line}; only the first is read.`,
      });
    wanted.set(npi, { planned: Number(plannedText), line });
  });

  const run = async (tx: Db) => {
    const plan = await planForChange(tx, scope, input.planId);
    const npis = [...wanted.keys()];
    const known = new Set<string>();
    for (const chunk of inChunks(npis)) {
      for (const row of await tx.select({ npi: hcp.npi }).from(hcp).where(inArray(hcp.npi, chunk))) known.add(row.npi);
    }
    const aligned = await alignedTo(tx, plan.territoryId, [...known]);
    const good = new Map<string, number>();
    for (const [npi, { planned, line }] of wanted) {
      if (planned > 0 && !known.has(npi))
        setAside.push({ line, column: "NPI", reason: "No HCP has this NPI in the registry." });
      else if (planned > 0 && !aligned.has(npi))
        setAside.push({ line, column: "NPI", reason: "This HCP does not practise in the plan's territory." });
      else good.set(npi, planned);
    }
    setAside.sort((a, b) => a.line - b.line);
    const summary = await applyTargets(tx, scope, plan, good, "file import");
    return { rows: rows.length, ...summary, setAside };
  };

  return { applied: input.apply, ...(await applyOrDryRun(db, input.apply, run)) };
}
