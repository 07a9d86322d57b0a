// pnpm db:migrate — apply drizzle/ migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "../client";

const database = await openDatabase();
console.log(`Migrations applied (${database.driver}).`);
await database.close();
