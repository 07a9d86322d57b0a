// The upload edge, apart from Next's route file so it can be tested with a plain Request: who may upload (platform
// operators only: reference data is shared by every org), the query, the size, then one package call.
import { z } from "zod";

import { type Db } from "@pharmacrm/db";
import { plainText, scopeFor, type Viewer } from "@pharmacrm/domain";
import {
  ImportFileError,
  importRequestSchema,
  isPlatformOperator,
  MAX_IMPORT_BYTES,
  requestUploadImport,
  tooLargeMessage,
  type ImportSourceOptions,
} from "@pharmacrm/jobs";

const uploadQuery = z.object({
  dataset: importRequestSchema.shape.dataset,
  name: plainText("The file name").min(1, "The file needs a name").max(255, "A file name is at most 255 characters."),
  year: z.preprocess((v) => (v === "" || v === null ? undefined : Number(v)), importRequestSchema.shape.year),
  release: z.preprocess((v) => (v === "" || v === null ? undefined : v), importRequestSchema.shape.release),
});

export const UPLOAD_OPERATORS_ONLY =
  "Only a platform operator can load reference data files: they are shared by every organisation on this server.";

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

export async function handleUploadImport(
  request: Request,
  viewer: Viewer | null,
  database: () => Promise<Db>,
  options: ImportSourceOptions = {},
): Promise<Response> {
  if (!viewer) return answer(401, { message: "Please sign in." });
  if (!isPlatformOperator(viewer)) return answer(403, { message: UPLOAD_OPERATORS_ONLY });

  const params = new URL(request.url).searchParams;
  const query = uploadQuery.safeParse({
    dataset: params.get("dataset"),
    name: params.get("name"),
    year: params.get("year"),
    release: params.get("release"),
  });
  if (!query.success) return answer(400, { message: query.error.issues[0]?.message ?? "Please check the form." });
  const limit = options.limit ?? MAX_IMPORT_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit)
    return answer(413, { message: tooLargeMessage(limit) });
  if (!request.body) return answer(400, { message: "No file arrived. Choose a file and try again." });

  try {
    const db = await database();
    const { run, alreadyLoaded } = await requestUploadImport(
      db,
      request.body,
      query.data,
      await scopeFor(db, viewer),
      options,
    );
    return answer(alreadyLoaded ? 200 : 202, { runId: run.id, status: run.status, alreadyLoaded });
  } catch (error) {
    if (error instanceof ImportFileError) return answer(error.status, { message: error.message });
    console.error("Upload import failed:", error);
    return answer(500, { message: "Something went wrong on our side. Please try again." });
  }
}
