// The header check names what it expected by our own column names; it never quotes the file's first row, which may
// be anything (a password file, a secret) when the wrong file is given.
import { describe, expect, it } from "vitest";

import { pipelines } from "../datasets";
import { resolveColumns } from "./columns";

describe("resolveColumns", () => {
  it("refuses a first row that is no header of the dataset without quoting it", () => {
    const header = ["root:x:0:0:root:/root:/bin/bash"];
    let message = "";
    try {
      resolveColumns(header, pipelines.nucc_taxonomy.columns, "passwd");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^passwd: the first row is not a header this dataset knows \(none of its required columns, such as Code.*\)\./,
    );
    expect(message).not.toContain("root");
  });

  it("names the required columns a file lacks by our names", () => {
    const columns = pipelines.nucc_taxonomy.columns;
    const [first] = columns.required;
    expect(() =>
      resolveColumns([columns.aliases[first!]![0]!, "secret-column-value"], columns, "taxonomy.csv"),
    ).toThrow(/^taxonomy\.csv lacks required columns: /);
  });
});
