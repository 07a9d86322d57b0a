// One definition feeds both runners: every job has an Inngest function and an in-process function on the same
// trigger, and the concurrency key Inngest evaluates (CEL over the event) is the key the in-process runner computes.
import { describe, expect, it } from "vitest";

import { DATASETS } from "@pharmacrm/ingest";

import { functions, jobs } from ".";
import { inProcessFunctions } from "../runner/in-process-functions";

/** The CEL subset our keys use (string literals, `+`, `event.data.x`) is also JavaScript. */
const evaluateCel = (expression: string, event: { data: unknown }) =>
  new Function("event", `"use strict"; return (${expression});`)(event) as string;

describe("the job definitions", () => {
  it("give one Inngest function per job with a unique id, and one in-process function per trigger", () => {
    expect(functions).toHaveLength(jobs.length);
    expect(new Set(jobs.map((job) => job.id)).size).toBe(jobs.length);
    for (const job of jobs) expect(inProcessFunctions.get(job.event)?.event).toBe(job.event);
  });

  it("compute the same concurrency key in-process as Inngest does, for every dataset", () => {
    const imports = jobs.filter((job) => job.concurrency.expression);
    expect(imports.length).toBeGreaterThan(0);
    for (const job of imports) {
      for (const dataset of DATASETS) {
        const data = { dataset, file: "x.csv" };
        expect(evaluateCel(job.concurrency.expression!, { data })).toBe(job.concurrency.of(data));
      }
    }
  });

  it("run NPPES in the 2017 layout in the same slot as NPPES", () => {
    const nppes = jobs.find((job) => job.id === "import-nppes")!;
    const nppes2017 = jobs.find((job) => job.id === "import-nppes-2017")!;
    const data = { dataset: "nppes", file: "npidata.csv" };
    expect(nppes2017.concurrency.of(data)).toBe(nppes.concurrency.of(data));
  });
});
