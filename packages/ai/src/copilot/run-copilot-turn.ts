// One copilot turn: the person's new message, their answers to the writes waiting for approval, or a regenerate in;
// a UI message stream out. The transcript the model reads is the server's (conversation_message), never the
// client's. The model (hosted or the offline engine) works only through the tools, bounded by a step limit; a write
// tool's call ends the step and waits in copilot_pending_action, and an approval runs exactly the stored input, once
// (see pending-actions.ts). Each turn is recorded in copilot_turn and the answer saved when the stream ends. The chat
// route and the CLI both run turns through here.
import type { LanguageModelV4 } from "@ai-sdk/provider";
import {
  asSchema,
  consumeStream,
  convertToModelMessages,
  createIdGenerator,
  InvalidToolInputError,
  isStepCount,
  isToolUIPart,
  streamText,
  toUIMessageStream,
  validateUIMessages,
  type UIMessageChunk,
} from "ai";

import type { Db } from "@pharmacrm/db";
import { certifiedQuestions, DomainError, requireConversation, type Viewer } from "@pharmacrm/domain";

import { describeModel, getLanguageModel, type CopilotModel } from "../model/get-language-model";
import { isOfflineEngine } from "../offline/engine";
import { createCopilotTools } from "../tools";
import type { CopilotTurnRequest } from "./chat-request";
import {
  appendUserMessage,
  dropFrom,
  ensureConversation,
  lastQuestionIndex,
  loadTranscript,
  replaceParts,
  saveResponse,
  type StoredMessage,
} from "./conversation-store";
import { copilotInstructions } from "./instructions";
import { offlineContext } from "./intent-vocabulary";
import {
  approvalToolNames,
  claimApprovals,
  closeOpenApprovals,
  gateWrites,
  isAwaitingApproval,
  noteDecidedTurn,
  recordPendingActions,
  type ClaimedAction,
  type ValidateWrite,
} from "./pending-actions";
import { withoutNul } from "./storable";
import {
  confidencesOfTurn,
  finishTurn,
  inputHash,
  openTurn,
  toolCallsOfTurn,
  type RecordedToolCall,
  type TurnStatus,
} from "./turn-audit";
import type { CopilotUIMessage } from "./types";

/** Enough for search → brief → answer, or a two-tool question, with room for a model that double-checks. */
export const MAX_STEPS = 6;

export interface CopilotTurnInput {
  db: Db;
  viewer: Viewer;
  /** The chat's id (a UUID); a new message creates the conversation under it when it does not exist yet. */
  conversationId?: string;
  /** What the person did: a new (or edited) message, answers to pending writes, or a regenerate. */
  request: CopilotTurnRequest;
  /** Defaults to getLanguageModel(); tests pass the SDK's mock or a pinned offline engine. */
  model?: LanguageModelV4 | CopilotModel;
  now?: Date;
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
  /** Settles once the answer is saved and the turn recorded (the stream must be read to the end). */
  finished: Promise<CopilotTurnOutcome>;
}

const newMessageId = createIdGenerator({ prefix: "msg", size: 20 });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A tool call the model got wrong (a date in year 0, a NUL in the notes) is refused by the tool's schema, in the
 * schema's words: the model reads them and can try again, the person sees them on the card. Not a failed turn.
 */
function refusedToolInput(error: unknown): string | null {
  if (!InvalidToolInputError.isInstance(error)) return null;
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    const issues = (cause as { issues?: unknown }).issues;
    if (Array.isArray(issues))
      return `Not done, the request was not valid: ${issues.map((issue: { message?: string }) => issue.message).join(" ")}`;
  }
  return "Not done, the request was not valid.";
}

function statusOf(response: CopilotUIMessage, isAborted: boolean, error: string | null): TurnStatus {
  if (error) return "error";
  if (isAborted) return "aborted";
  return response.parts.some(isAwaitingApproval) ? "needs_approval" : "finished";
}

async function validMessages(
  messages: CopilotUIMessage[],
  tools: ReturnType<typeof createCopilotTools>,
): Promise<CopilotUIMessage[]> {
  try {
    return await validateUIMessages<CopilotUIMessage>({ messages, tools });
  } catch (error) {
    // Stored by the server, so this is a bug or a stale row, not the person's doing.
    console.error("Stored conversation could not be read:", error);
    throw new DomainError("CONFLICT", "This conversation could not be read back; start a new one.");
  }
}

/** A corrected write, checked by its tool's own input schema (the same check a model's call gets). */
function correctionChecker(tools: ReturnType<typeof createCopilotTools>): ValidateWrite {
  return async (toolName, value) => {
    const tool = (tools as Record<string, { inputSchema: Parameters<typeof asSchema>[0] }>)[toolName];
    if (!tool) return { ok: false, message: "That write is not one the copilot makes." };
    const checked = await asSchema(tool.inputSchema).validate?.(value);
    if (!checked) return { ok: false, message: "That write cannot be checked." };
    if (checked.success) return { ok: true, value: checked.value };
    const issues = (checked.error as { issues?: { message?: string }[] }).issues;
    return { ok: false, message: issues?.map((i) => i.message).join(" ") || "The correction is not valid." };
  };
}

interface Prepared {
  conversationId: string;
  transcript: CopilotUIMessage[];
  claimed: ClaimedAction[];
}

/** Brings the stored transcript to where this turn starts, per request kind; refusals write nothing. */
async function prepare(
  db: Db,
  viewer: Viewer,
  input: CopilotTurnInput,
  now: Date,
  validate: ValidateWrite,
): Promise<Prepared> {
  const { request } = input;
  if (request.kind === "approvals") {
    if (!input.conversationId) throw new DomainError("NOT_FOUND", "That conversation was not found.");
    const conversationId = await requireConversation(db, viewer, input.conversationId);
    const stored = await loadTranscript(db, viewer, conversationId);
    const last = stored.at(-1)?.message;
    const claimed = await claimApprovals(
      db,
      viewer,
      conversationId,
      last?.role === "assistant" ? last.id : undefined,
      request.approvals,
      now,
      validate,
    );
    // The answered cards, with the stored input: the model sees (and the tool runs) what was approved.
    const parts = last!.parts.map((part) => {
      const action = isAwaitingApproval(part) ? claimed.find((a) => a.toolCallId === part.toolCallId) : undefined;
      if (!action || !isToolUIPart(part)) return part;
      const approval = {
        id: action.approvalId,
        approved: action.status === "approved",
        ...(action.reason ? { reason: action.reason } : {}),
      };
      return { ...part, input: action.input, state: "approval-responded", approval } as typeof part;
    });
    return { conversationId, transcript: [...stored.slice(0, -1).map((m) => m.message), { ...last!, parts }], claimed };
  }

  const conversationId =
    request.kind === "message"
      ? await ensureConversation(db, viewer, input.conversationId, request.message.parts)
      : await requireConversation(db, viewer, input.conversationId ?? "");
  return db.transaction(async (tx) => {
    let stored: StoredMessage[] = await closeOpenApprovals(
      tx,
      viewer,
      conversationId,
      await loadTranscript(tx, viewer, conversationId),
      now,
      replaceParts,
    );
    if (request.kind === "regenerate") {
      const question = lastQuestionIndex(stored);
      if (question < 0)
        throw new DomainError("BAD_REQUEST", "There is no question to answer again in this conversation.");
      await dropFrom(tx, conversationId, stored[question]!.position + 1);
      stored = stored.slice(0, question + 1);
      return { conversationId, transcript: stored.map((m) => m.message), claimed: [] };
    }
    let editing: StoredMessage | undefined;
    if (request.replaceFrom) {
      editing = stored.find((m) => m.id === request.replaceFrom && m.message.role === "user");
      if (!editing)
        throw new DomainError("BAD_REQUEST", "The message to edit is not one of yours in this conversation.");
      stored = stored.filter((m) => m.position < editing!.position);
    }
    const message = await appendUserMessage(tx, conversationId, request.message, editing);
    return { conversationId, transcript: [...stored.map((m) => m.message), message], claimed: [] };
  });
}

export async function runCopilotTurn(input: CopilotTurnInput): Promise<CopilotTurn> {
  const { db, viewer } = input;
  const now = input.now ?? new Date();
  const chosen = !input.model
    ? getLanguageModel()
    : "specificationVersion" in input.model
      ? describeModel(input.model)
      : input.model;
  const tools = createCopilotTools({ db, viewer, now });
  const { conversationId, transcript, claimed } = await prepare(db, viewer, input, now, correctionChecker(tools));
  const messages = await validMessages(transcript, tools);
  // A hosted model is shown the org's certified questions; the offline engine reads them itself (offlineContext).
  const instructions = copilotInstructions(
    viewer,
    now,
    isOfflineEngine(chosen.model) ? [] : await certifiedQuestions(db, viewer.orgId),
  );
  const modelMessages = await convertToModelMessages(messages, { tools });
  const turnId = await openTurn(db, viewer, {
    conversationId,
    provider: chosen.provider,
    modelId: chosen.modelId,
    inputHash: inputHash(instructions, modelMessages),
  });
  await noteDecidedTurn(
    db,
    claimed.map((a) => a.id),
    turnId,
  );

  // The offline engine reads the message with the person's role and the database's words.
  const model = isOfflineEngine(chosen.model)
    ? chosen.model.withContext(await offlineContext(db, viewer))
    : chosen.model;
  let streamError: string | null = null;
  const result = streamText({
    model,
    instructions,
    messages: modelMessages,
    // A write tool runs only a claimed approval's stored input (and the SDK runs one only after an approval).
    tools: gateWrites(db, tools, claimed, () => new Date()),
    // Writes need the person's approval whatever a tool declares; the call's setting takes precedence.
    toolApproval: Object.fromEntries(approvalToolNames(tools).map((name) => [name, "user-approval" as const])),
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
      const refused = refusedToolInput(error);
      if (refused) return refused;
      streamError ??= messageOf(error);
      return "The copilot could not answer just now. Please try again.";
    },
    onFinish: async ({ messages: all, responseMessage: produced, isAborted }) => {
      try {
        const responseMessage = withoutNul(produced);
        const toolCalls = toolCallsOfTurn(before, responseMessage);
        const reportedModel = await Promise.resolve(result.finalStep).then(
          (step) => step.response.modelId,
          () => undefined,
        );
        let error = withoutNul(streamError);
        try {
          await saveResponse(db, viewer, conversationId, responseMessage);
          await recordPendingActions(db, viewer, { conversationId, turnId, message: responseMessage, tools, now });
        } catch (saveError) {
          error ??= `The conversation could not be saved: ${messageOf(saveError)}`;
        }
        const status = statusOf(responseMessage, isAborted, error);
        await finishTurn(db, turnId, {
          status,
          modelId: reportedModel ?? chosen.modelId,
          toolCalls,
          confidences: confidencesOfTurn(before, responseMessage),
          error,
        });
        settle({ status, messages: all, responseMessage, toolCalls, error });
      } catch (error) {
        console.error("Copilot turn could not be recorded:", error);
        fail(error);
      }
    },
  });
  // Nobody may be waiting on `finished` (the chat route streams and returns); the failure is logged above.
  finished.catch(() => undefined);
  // The turn is read to its end on the server whatever the client does, so it is always saved and recorded: a
  // person who closes the tab mid-answer finds the whole answer when they come back, and an aborted request
  // (the route passes the request's signal) is recorded as aborted with what was said so far.
  const [forClient, forRecord] = stream.tee();
  void consumeStream({ stream: forRecord });
  return {
    conversationId,
    turnId,
    model: { label: chosen.label, provider: chosen.provider, modelId: chosen.modelId },
    stream: forClient,
    finished,
  };
}
