import { getDb } from "@pharmacrm/db";
import { resumeEmbeddings, resumeImports } from "@pharmacrm/jobs";

const db = await getDb();
resumeImports(db).catch((error: unknown) => console.error("[jobs] could not resume interrupted imports:", error));
resumeEmbeddings(db).catch((error: unknown) => console.error("[jobs] could not start the profile embedding catch-up:", error));
