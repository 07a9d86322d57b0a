import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";

import { openDatabase } from "./client";

const root = mkdtempSync(join(tmpdir(), "pharmacrm-db-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("opens an embedded database in a folder whose parents do not exist yet, and reopens it with its data", async () => {
  const dir = join(root, "fresh-clone", ".data", "pglite");
  const first = await openDatabase({ dataDir: dir });
  await first.db.execute(sql`insert into org (name, slug) values ('Persisted', 'persisted')`);
  await first.close();
  const second = await openDatabase({ dataDir: dir });
  const { rows } = await second.pglite!.query<{ name: string }>("select name from org");
  expect(rows).toEqual([{ name: "Persisted" }]);
  await second.close();
});
