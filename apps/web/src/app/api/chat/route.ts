// The copilot chat endpoint (useChat's DefaultChatTransport, or curl with a session cookie). POST { id, messages }
// runs one turn and streams it back as a UI message stream; GET names the model answering in this deployment.
import { createUIMessageStreamResponse } from "ai";
import { z } from "zod";
import { approvalSecretFrom, getLanguageModel, runCopilotTurn } from "@pharmacrm/ai";
import { authSecret, getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { DomainError } from "@pharmacrm/domain";

const chatRequest = z.object({
  id: z.uuid({ message: "The conversation id must be a UUID." }),
  messages: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(64, "A message id is at most 64 characters."),
        role: z.enum(["user", "assistant"], { message: "Messages come from the user or the assistant." }),
        parts: z.array(z.unknown()),
      }),
    )
    .min(1, "Ask a question to start.")
    .max(500, "This conversation is too long; start a new one."),
});

const STATUS: Record<DomainError["code"], number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return answer(401, { message: "Please sign in." });

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return answer(400, { message: "The request body must be JSON: { id, messages }." });
  }
  const parsed = chatRequest.safeParse(body);
  if (!parsed.success) return answer(400, { message: parsed.error.issues[0]?.message ?? "Please check the request." });

  try {
    const turn = await runCopilotTurn({
      db: await getDb(),
      viewer,
      conversationId: parsed.data.id,
      messages: parsed.data.messages,
      approvalSecret: approvalSecretFrom(authSecret()),
      abortSignal: request.signal,
    });
    return createUIMessageStreamResponse({ stream: turn.stream, headers: { "x-copilot-turn": turn.turnId } });
  } catch (error) {
    if (error instanceof DomainError) return answer(STATUS[error.code], { message: error.message });
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
