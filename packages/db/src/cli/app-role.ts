// pnpm db:app-role — as the tables' owner (DATABASE_URL), let pharmacrm_app log in with APP_DATABASE_PASSWORD and
// grant it what the app needs. The app then connects as postgres://pharmacrm_app:<password>@host/db.
import { env } from "@pharmacrm/config/env";

import { APP_ROLE, ensureAppRole } from "../app-role";
import { openDatabase } from "../client";

const password = env().APP_DATABASE_PASSWORD;
if (!env().DATABASE_URL || !password) {
  console.error(
    "Set DATABASE_URL (the tables' owner) and APP_DATABASE_PASSWORD (at least 8 characters) to set up the app's database role.",
  );
  process.exit(2);
}
const database = await openDatabase();
try {
  await ensureAppRole(database, password);
  console.log(`Database role ${APP_ROLE} can log in; the app connects with it.`);
} finally {
  await database.close();
}
