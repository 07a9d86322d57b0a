// Entry point of `pnpm copilot`: opens the configured database (DATABASE_URL or the embedded PGlite; stop the dev
// server first when it holds the same PGlite folder) and runs one turn.
import { openDatabase } from "@pharmacrm/db";

import { runCli } from "./run-cli";

const database = await openDatabase();
try {
  process.exitCode = await runCli(process.argv.slice(2), { db: database.db, out: (text) => console.log(text) });
} finally {
  await database.close();
}
