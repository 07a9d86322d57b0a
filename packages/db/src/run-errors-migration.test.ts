// drizzle/0017: runs recorded before imports stopped quoting server paths and file content lose both from their
// stored error, keeping the rest of the message.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { workspaceRoot } from "@pharmacrm/config/paths";

import { type Database } from "./client";
import { dataSourceRun } from "./schema";
import { createTestDatabase } from "./testing";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const run = (values: Partial<typeof dataSourceRun.$inferInsert>) =>
  database.db
    .insert(dataSourceRun)
    .values({
      dataset: "nucc_taxonomy",
      sourceFile: "passwd",
      checksum: crypto.randomUUID().replace(/-/g, "").padEnd(64, "0"),
      status: "failed",
      ...values,
    })
    .returning()
    .then(([row]) => row!.id);

const errorOf = async (id: string) =>
  (await database.db.select({ error: dataSourceRun.error }).from(dataSourceRun).where(eq(dataSourceRun.id, id)))[0]!
    .error;

describe("0017_run_errors_without_paths", () => {
  it("replaces stored absolute paths by file names and drops a quoted first row", async () => {
    const header = await run({
      filePath: "/etc/passwd",
      error:
        'passwd: the first row is not a header this pipeline knows (it starts "root:x:0:0:root:/root:/bin/bash"). If the file has no header row, pass its header file (--header / headerFile).',
    });
    const moved = await run({
      sourceFile: "pl.csv",
      filePath: "/srv/cms/pl.csv",
      headerFilePath: "/srv/cms/h.csv",
      error: "/srv/cms/pl.csv is missing or changed since run x started (after /srv/cms/h.csv)",
    });
    const clean = await run({ filePath: "/srv/cms/x.csv", error: "database error: deadlock detected" });

    const sql = await readFile(join(workspaceRoot(), "drizzle", "0017_run_errors_without_paths.sql"), "utf8");
    for (const statement of sql.split("--> statement-breakpoint")) await database.exec(statement);

    expect(await errorOf(header)).toBe(
      "passwd: the first row is not a header this pipeline knows. If the file has no header row, pass its header file (--header / headerFile).",
    );
    expect(await errorOf(moved)).toBe("pl.csv is missing or changed since run x started (after h.csv)");
    expect(await errorOf(clean)).toBe("database error: deadlock detected");
  });
});
