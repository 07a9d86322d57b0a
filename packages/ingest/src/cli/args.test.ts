// `pnpm ingest` is a trusted server-side caller: it reads any file the shell names, and its runs say so.
import { describe, expect, it } from "vitest";

import { NUCC_251 } from "../testing/samples";
import { parseCommand } from "./args";

describe("parseCommand", () => {
  it("marks an ingest as started from the command line", () => {
    expect(parseCommand(["nucc_taxonomy", NUCC_251])).toMatchObject({
      command: "ingest",
      input: { dataset: "nucc_taxonomy", file: NUCC_251, startedVia: "cli" },
    });
  });
});
