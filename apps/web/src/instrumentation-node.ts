import { getDb } from "@pharmacrm/db";
import { resumeImports } from "@pharmacrm/jobs";

resumeImports(await getDb()).catch((error: unknown) => console.error("[jobs] could not resume interrupted imports:", error));
