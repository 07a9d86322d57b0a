// One copilot turn: the conversation's UI messages in, a UI message stream out. The model (hosted or the offline
// engine) works only through the tools, bounded by a step limit; the write tools wait for the person's approval
// (an approval request ends the step, the next request carries the answer, a declined write writes nothing, and
// approvals are HMAC-signed so a client cannot forge one). Each turn is recorded in copilot_turn and the
// conversation is saved when the stream ends. The chat route and the CLI both run turns through here.
import { createHash } from "node:crypto";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { convertToModelMessages, createIdGenerator, isStepCount, streamText, toUIMessageStream, validateUIMessages, type UIMessageChunk } from "ai";
import type { Db } from "@pharmacrm/db";
import { DomainError, type Viewer } from "@pharmacrm/domain";
import { describeModel, getLanguageModel, type CopilotModel } from "../model/get-language-model";
import { createCopilotTools, WRITE_TOOLS } from "../tools";
import { ensureConversation, saveMessages } from "./conversation-store";
import { copilotInstructions } from "./instructions";
import { confidencesOfTurn, finishTurn, inputHash, openTurn, toolCallsOfTurn, type RecordedToolCall, type TurnStatus } from "./turn-audit";
import type { CopilotUIMessage } from "./types";

/** Enough for search → brief → answer, or a two-tool question, with room for a model that double-checks. */
export const MAX_STEPS = 6;

export interface CopilotTurnInput {
  db: Db;
  viewer: Viewer;
  /** The chat's id (a UUID); a new conversation is created under it when it does not exist yet. */
  conversationId?: string;
  /** The whole conversation as the chat holds it, ending with the new user message or the approval answers. */
  messages: unknown[];
  /** Defaults to getLanguageModel(); tests pass the SDK's mock or a pinned offline engine. */
  model?: LanguageModelV4 | CopilotModel;
  now?: Date;
  /** Signs approval requests and verifies them on the way back. */
  approvalSecret?: string;
  abortSignal?: AbortSignal;
}

export interface CopilotTurnOutcome {
  status: TurnStatus;
  messages: CopilotUIMessage[];
  responseMessage: CopilotUIMessage;
  toolCalls: RecordedToolCall[];
  error: string | null;
}

export interface CopilotTurn {
  conversationId: string;
  turnId: string;
  model: Omit<CopilotModel, "model">;
  stream: ReadableStream<UIMessageChunk>;
  /** Settles once the conversation is saved and the turn recorded (the stream must be read to the end). */
  finished: Promise<CopilotTurnOutcome>;
}

const newMessageId = createIdGenerator({ prefix: "msg", size: 20 });

/** A per-purpose key from the app secret, so approval signatures never share a key with sessions. */
export const approvalSecretFrom = (appSecret: string) => createHash("sha256").update(`pharmacrm:copilot-tool-approval:${appSecret}`).digest("base64url");

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function statusOf(response: CopilotUIMessage, isAborted: boolean, error: string | null): TurnStatus {
  if (error) return "error";
  if (isAborted) return "aborted";
  const pending = response.parts.some((p) => "state" in p && p.state === "approval-requested");
  return pending ? "needs_approval" : "finished";
}

async function validMessages(messages: unknown[], tools: ReturnType<typeof createCopilotTools>): Promise<CopilotUIMessage[]> {
  try {
    return await validateUIMessages<CopilotUIMessage>({ messages, tools });
  } catch (error) {
    throw new DomainError("BAD_REQUEST", `The conversation could not be read: ${messageOf(error)}`);
  }
}

export async function runCopilotTurn(input: CopilotTurnInput): Promise<CopilotTurn> {
  const { db, viewer } = input;
  const now = input.now ?? new Date();
  const tools = createCopilotTools({ db, viewer, now });
  const messages = await validMessages(input.messages, tools);
  if (messages.length === 0) throw new DomainError("BAD_REQUEST", "Ask a question to start.");
  const chosen = !input.model ? getLanguageModel() : "specificationVersion" in input.model ? describeModel(input.model) : input.model;
  const conversationId = await ensureConversation(db, viewer, input.conversationId, messages);
  const instructions = copilotInstructions(viewer, now);
  const modelMessages = await convertToModelMessages(messages, { tools });
  const turnId = await openTurn(db, viewer, { conversationId, provider: chosen.provider, modelId: chosen.modelId, inputHash: inputHash(instructions, modelMessages) });

  let streamError: string | null = null;
  const result = streamText({
    model: chosen.model,
    instructions,
    messages: modelMessages,
    tools,
    // Writes need the person's approval whatever a tool declares; the call's setting takes precedence.
    toolApproval: Object.fromEntries(WRITE_TOOLS.map((name) => [name, "user-approval" as const])),
    experimental_toolApprovalSecret: input.approvalSecret,
    stopWhen: isStepCount(MAX_STEPS),
    abortSignal: input.abortSignal,
    onError: ({ error }) => {
      streamError = messageOf(error);
    },
  });

  const before = messages.at(-1)?.role === "assistant" ? messages.at(-1) : undefined;
  let settle!: (outcome: CopilotTurnOutcome) => void;
  let fail!: (error: unknown) => void;
  const finished = new Promise<CopilotTurnOutcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stream = toUIMessageStream<typeof tools, CopilotUIMessage>({
    stream: result.stream,
    tools,
    originalMessages: messages,
    generateMessageId: newMessageId,
    onError: (error) => {
      streamError ??= messageOf(error);
      return "The copilot could not answer just now. Please try again.";
    },
    onFinish: async ({ messages: all, responseMessage, isAborted }) => {
      try {
        const toolCalls = toolCallsOfTurn(before, responseMessage);
        const reportedModel = await Promise.resolve(result.finalStep).then((step) => step.response.modelId, () => undefined);
        let error = streamError;
        try {
          await saveMessages(db, viewer, conversationId, all);
        } catch (saveError) {
          error ??= `The conversation could not be saved: ${messageOf(saveError)}`;
        }
        const status = statusOf(responseMessage, isAborted, error);
        await finishTurn(db, turnId, { status, modelId: reportedModel ?? chosen.modelId, toolCalls, confidences: confidencesOfTurn(before, responseMessage), error });
        settle({ status, messages: all, responseMessage, toolCalls, error });
      } catch (error) {
        console.error("Copilot turn could not be recorded:", error);
        fail(error);
      }
    },
  });
  // Nobody may be waiting on `finished` (the chat route streams and returns); the failure is logged above.
  finished.catch(() => undefined);
  return { conversationId, turnId, model: { label: chosen.label, provider: chosen.provider, modelId: chosen.modelId }, stream, finished };
}
