// Browser tests start from a fresh, freshly seeded embedded database. Deletes PGLITE_DIR, but only when it
// is a folder named e2e-pglite: a mistyped variable must never wipe the development database.
import { rmSync } from "node:fs";
import { basename } from "node:path";

import { env } from "@pharmacrm/config/env";

const dir = env().PGLITE_DIR;
if (!dir || basename(dir) !== "e2e-pglite") {
  console.error(`Refusing to reset PGLITE_DIR=${dir ?? "(unset)"}: expected a folder named e2e-pglite.`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
console.log(`Reset ${dir}`);
