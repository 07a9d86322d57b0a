// Upload a CMS file for import: the body is the file itself (streamed to disk, never buffered whole), the query
// names the dataset, the file's name and optional year / release. Answers the run id at once.
import { z } from "zod";
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { ImportFileError, importRequestSchema, MAX_IMPORT_BYTES, requestUploadImport, tooLargeMessage } from "@pharmacrm/jobs";

const uploadQuery = z.object({
  dataset: importRequestSchema.shape.dataset,
  name: z.string().trim().min(1, "The file needs a name").max(255),
  year: z.preprocess((v) => (v === "" || v === null ? undefined : Number(v)), importRequestSchema.shape.year),
  release: z.preprocess((v) => (v === "" || v === null ? undefined : v), importRequestSchema.shape.release),
});

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return answer(401, { message: "Please sign in." });
  if (viewer.role !== "admin") return answer(403, { message: "Only admins can load data files." });

  const params = new URL(request.url).searchParams;
  const query = uploadQuery.safeParse({ dataset: params.get("dataset"), name: params.get("name"), year: params.get("year"), release: params.get("release") });
  if (!query.success) return answer(400, { message: query.error.issues[0]?.message ?? "Please check the form." });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) return answer(413, { message: tooLargeMessage() });
  if (!request.body) return answer(400, { message: "No file arrived. Choose a file and try again." });

  try {
    const { run, alreadyLoaded } = await requestUploadImport(await getDb(), request.body, query.data);
    return answer(alreadyLoaded ? 200 : 202, { runId: run.id, status: run.status, alreadyLoaded });
  } catch (error) {
    if (error instanceof ImportFileError) return answer(error.status, { message: error.message });
    console.error("Upload import failed:", error);
    return answer(500, { message: "Something went wrong on our side. Please try again." });
  }
}
