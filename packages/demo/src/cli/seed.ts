// pnpm --filter @pharmacrm/demo seed -- --scale 5000 [--seed 42] [--work-dir path]
// Seeds the default database (DATABASE_URL or the embedded PGlite); a database that already has the demo
// orgs is left alone.
import { env } from "@pharmacrm/config/env";
import { openDatabase } from "@pharmacrm/db";

import { DEFAULT_SCALE, seedDemo } from "../seed";
import { isSeeded } from "../tenants";
import { parseCliFlags } from "./args";
import { formatSignIns, formatSummary } from "./print";

const flags = parseCliFlags();
const database = await openDatabase();
try {
  if (await isSeeded(database.db)) {
    console.log("The database already has the demo orgs; nothing to seed.");
  } else {
    const summary = await seedDemo(database.db, {
      scale: flags.scale ?? env().DEMO_SCALE ?? DEFAULT_SCALE,
      seed: flags.seed,
      workDir: flags.workDir,
      // Activity should look recent to whoever opens the app, so it ends today.
      today: new Date(),
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
  }
  console.log(formatSignIns());
} finally {
  await database.close();
}
