// pnpm operator grant|revoke <email> · pnpm operator list
// Platform operators load the shared reference data for every org; only someone with a shell on the server can make
// one. Each change is written to the audit trail of the person's org. Stop a dev server holding the same embedded
// database first (PGlite allows one process).
import { z } from "zod";

import { openDatabase } from "@pharmacrm/db";

import { listPlatformOperators, setPlatformOperator, UnknownUserError } from "../platform-operator";

const USAGE = `Usage:
  pnpm operator grant <email>    may load NPPES, Part D, Open Payments, taxonomy and ZIP files for every org
  pnpm operator revoke <email>
  pnpm operator list`;

const command = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["grant", "revoke"]), email: z.email("Give the user's email address.") }),
  z.object({ action: z.literal("list") }),
]);

async function main(argv: readonly string[]): Promise<number> {
  const [action, email] = argv.filter((arg) => arg !== "--");
  const parsed = command.safeParse({ action, email: email?.trim().toLowerCase() });
  if (!parsed.success) {
    console.error(
      `${action === "grant" || action === "revoke" ? `${parsed.error.issues[0]?.message}\n\n` : ""}${USAGE}`,
    );
    return 1;
  }
  const database = await openDatabase();
  try {
    if (parsed.data.action === "list") {
      const operators = await listPlatformOperators(database.db);
      if (operators.length === 0) console.log("No platform operators. Grant one with: pnpm operator grant <email>");
      for (const o of operators) console.log(`${o.email}  ${o.name}${o.disabled ? "  (disabled)" : ""}`);
      return 0;
    }
    const granted = parsed.data.action === "grant";
    const change = await setPlatformOperator(database.db, parsed.data.email, granted, "cli");
    const now = granted ? "is now a platform operator" : "is no longer a platform operator";
    const already = granted ? "was already a platform operator" : "was not a platform operator";
    console.log(`${change.email} ${change.changed ? now : already}.`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownUserError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
