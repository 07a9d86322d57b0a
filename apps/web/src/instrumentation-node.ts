import { env } from "@pharmacrm/config/env";
import { getDb } from "@pharmacrm/db";
import { applyPlatformOperators, resumeEmbeddings, resumeImports } from "@pharmacrm/jobs";

const db = await getDb();
resumeImports(db).catch((error: unknown) => console.error("[jobs] could not resume interrupted imports:", error));
resumeEmbeddings(db).catch((error: unknown) =>
  console.error("[jobs] could not start the profile embedding catch-up:", error),
);
// PLATFORM_OPERATORS grants the role when the server starts (revoking is `pnpm operator revoke <email>`).
applyPlatformOperators(db, env().PLATFORM_OPERATORS)
  .then(({ granted, unknown }) => {
    if (granted.length > 0) console.log(`[operators] platform operator from PLATFORM_OPERATORS: ${granted.join(", ")}`);
    if (unknown.length > 0) console.warn(`[operators] PLATFORM_OPERATORS names no user with: ${unknown.join(", ")}`);
  })
  .catch((error: unknown) => console.error("[operators] could not apply PLATFORM_OPERATORS:", error));
