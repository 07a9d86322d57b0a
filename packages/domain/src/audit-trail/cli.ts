// pnpm audit:verify [--org <slug>] — recomputes each org's audit hash chain (or one org's) against the database that
// DATABASE_URL names (or the embedded one) and prints "chain intact (N events)" or the first broken link.
// Exits 1 when a chain is broken, 2 when the org is unknown or the arguments are wrong.
import { parseArgs } from "node:util";

import { openDatabase } from "@pharmacrm/db";

import { describeChain, verifyAuditChains } from "./verify-chain";

let slug: string | undefined;
try {
  ({
    values: { org: slug },
  } = parseArgs({ options: { org: { type: "string" } }, allowPositionals: false }));
} catch {
  console.error("Usage: pnpm audit:verify [--org <slug>]");
  process.exit(2);
}

const database = await openDatabase();
try {
  const results = await verifyAuditChains(database.db, slug);
  if (results.length === 0) {
    console.error(slug ? `No organisation has the slug "${slug}".` : "No organisations yet: nothing to verify.");
    process.exitCode = slug ? 2 : 0;
  }
  for (const { slug: orgSlug, name, report } of results) {
    console.log(`${report.broken ? "BROKEN" : "ok    "} ${orgSlug} (${name}): ${describeChain(report)}`);
    if (!report.broken && report.headHash) console.log(`       head hash ${report.headHash}`);
  }
  if (results.some((r) => r.report.broken)) process.exitCode = 1;
} finally {
  await database.close();
}
