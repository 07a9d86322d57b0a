// Test helpers for imports: a platform operator (in an org of their own) to ask for them, and an import folder
// holding copies of the given sample files (copies, not symlinks: a symlink out of the folder is refused).
import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import { appUser, org, type Db } from "@pharmacrm/db";
import { type Scope } from "@pharmacrm/domain";

export async function createOperator(db: Db): Promise<Scope> {
  const tag = randomUUID().slice(0, 8);
  const [operatorOrg] = await db
    .insert(org)
    .values({ name: "Platform", slug: `platform-${tag}` })
    .returning();
  const [user] = await db
    .insert(appUser)
    .values({
      orgId: operatorOrg!.id,
      email: `operator-${tag}@test.example`,
      name: "Olive Operator",
      role: "admin",
      platformOperator: true,
    })
    .returning();
  return { orgId: operatorOrg!.id, userId: user!.id, role: "admin", territoryIds: null };
}

/** A fresh import folder with the files copied in by their base names. */
export async function importFolderWith(...files: string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "jobs-import-folder-"));
  await Promise.all(files.map((file) => copyFile(file, join(folder, basename(file)))));
  return folder;
}
