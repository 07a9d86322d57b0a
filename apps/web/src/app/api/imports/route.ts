// Upload a CMS file for import: the body is the file itself (streamed to the import folder, never buffered whole),
// the query names the dataset, the file's name and optional year / release. Answers the run id at once.
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

import { handleUploadImport } from "./upload-import";

export async function POST(request: Request) {
  return handleUploadImport(request, await getViewer(), getDb);
}
