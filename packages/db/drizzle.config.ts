import { defineConfig } from "drizzle-kit";

// Migrations live at the repo root so both drivers (PGlite and postgres.js) run the same files.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "../../drizzle",
});
