// The copilot chat endpoint (useChat's DefaultChatTransport, or curl with a session cookie). POST runs one turn and
// streams it back as a UI message stream; the body carries only what the person did — { id, message }, { id,
// approvals } or { id, regenerate: true } — and the server builds the transcript. GET names the model answering.
import { createUIMessageStreamResponse } from "ai";

import { getLanguageModel, readChatRequest, runCopilotTurn } from "@pharmacrm/ai";
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { DomainError } from "@pharmacrm/domain";

const STATUS: Record<DomainError["code"], number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return answer(401, { message: "Please sign in." });

  const read = await readChatRequest(request);
  if (!read.ok) return answer(read.status, { message: read.message });

  try {
    const turn = await runCopilotTurn({
      db: await getDb(),
      viewer,
      conversationId: read.request.id,
      request: read.request.turn,
      abortSignal: request.signal,
    });
    return createUIMessageStreamResponse({ stream: turn.stream, headers: { "x-copilot-turn": turn.turnId } });
  } catch (error) {
    // The code tells the chat a refused answer to a card (BAD_REQUEST: nothing written) from one answered elsewhere.
    if (error instanceof DomainError) return answer(STATUS[error.code], { message: error.message, code: error.code });
    console.error("Copilot turn failed:", error);
    return answer(500, { message: "The copilot is unavailable right now. Please try again." });
  }
}

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return answer(401, { message: "Please sign in." });
  const { label, provider, modelId } = getLanguageModel();
  return answer(200, { label, provider, modelId });
}
