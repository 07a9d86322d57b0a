// What `pnpm start` / `pnpm dev` run first: migrate the database, seed the demo data when it is empty,
// then print how to sign in.
import { env } from "@pharmacrm/config/env";
import { openDatabase } from "@pharmacrm/db";

import { DEFAULT_SCALE, seedDemo } from "../seed";
import { isSeeded } from "../tenants";
import { formatSignIns, formatSummary } from "./print";

// openDatabase applies the migrations.
const database = await openDatabase();
try {
  console.log(`Database ready (${database.driver}, migrations applied).`);
  if (await isSeeded(database.db)) {
    console.log("Demo data already present.");
  } else if (!env().SEED_DEMO) {
    console.log("SEED_DEMO=0: leaving the database empty.");
  } else {
    const summary = await seedDemo(database.db, {
      scale: env().DEMO_SCALE ?? DEFAULT_SCALE,
      today: new Date(),
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
  }
  console.log(formatSignIns());
} finally {
  await database.close();
}
