// The built-in offline engine: a real AI SDK language model (LanguageModelV4) that needs no API key. Each call reads
// the prompt, decides the next move with the planner (a tool call, or the grounded answer from the tool results)
// and returns it whole (doGenerate) or as stream parts (doStream). Deterministic for a given prompt and clock.
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";

import { readConversation } from "./conversation";
import { planReply, type PlanContext, type Reply } from "./planner";

export const OFFLINE_PROVIDER = "offline";
export const OFFLINE_MODEL_ID = "pharmacrm-offline-1";
export const OFFLINE_LABEL = "Built-in (offline)";

export interface OfflineEngineOptions {
  /** The rep's "today" for relative dates; the wall clock unless a test pins it. */
  now?: () => Date;
  /** The person's role and the database's words (copilot/intent-vocabulary.ts); without it: a rep, no vocabulary. */
  context?: PlanContext;
}

/** The offline engine: a language model that can be given the person's role and vocabulary for one turn. */
export interface OfflineEngine extends LanguageModelV4 {
  withContext(context: PlanContext): OfflineEngine;
}

export const isOfflineEngine = (model: LanguageModelV4): model is OfflineEngine =>
  model.provider === OFFLINE_PROVIDER && "withContext" in model;

const USAGE: LanguageModelV4Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

function contentOf(
  reply: Reply,
  callNumber: number,
): { content: LanguageModelV4Content[]; finishReason: LanguageModelV4FinishReason } {
  if (reply.type === "text")
    return { content: [{ type: "text", text: reply.text }], finishReason: { unified: "stop", raw: "stop" } };
  return {
    content: [
      // What the words were read as, said before the card the person approves.
      ...(reply.preface ? [{ type: "text" as const, text: reply.preface }] : []),
      // Unique within the conversation: the SDK matches approvals to calls by this id.
      {
        type: "tool-call",
        toolCallId: `offline-call-${callNumber}`,
        toolName: reply.toolName,
        input: JSON.stringify(reply.input),
      },
    ],
    finishReason: { unified: "tool-calls", raw: "tool-calls" },
  };
}

/** Text as deltas of a few words, the way a hosted model streams. */
function deltas(text: string): string[] {
  return (
    text.match(/\S+\s*|\s+/g)?.reduce<string[]>((chunks, word, i) => {
      if (i % 6 === 0) chunks.push(word);
      else chunks[chunks.length - 1] += word;
      return chunks;
    }, []) ?? [text]
  );
}

function streamPartsOf(
  content: readonly LanguageModelV4Content[],
  finishReason: LanguageModelV4FinishReason,
): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "response-metadata", modelId: OFFLINE_MODEL_ID },
  ];
  content.forEach((item, i) => {
    if (item.type === "text") {
      const id = `text-${i + 1}`;
      parts.push(
        { type: "text-start", id },
        ...deltas(item.text).map((delta) => ({ type: "text-delta" as const, id, delta })),
        { type: "text-end", id },
      );
    } else if (item.type === "tool-call") {
      parts.push(
        { type: "tool-input-start", id: item.toolCallId, toolName: item.toolName },
        { type: "tool-input-delta", id: item.toolCallId, delta: item.input },
        { type: "tool-input-end", id: item.toolCallId },
        item,
      );
    }
  });
  parts.push({ type: "finish", usage: USAGE, finishReason });
  return parts;
}

export function createOfflineEngine(options: OfflineEngineOptions = {}): OfflineEngine {
  const now = options.now ?? (() => new Date());
  const respond = (call: LanguageModelV4CallOptions) => {
    const view = readConversation(call.prompt);
    return contentOf(planReply(view, now(), options.context), view.toolCallCount + 1);
  };
  return {
    withContext: (context) => createOfflineEngine({ ...options, context }),
    specificationVersion: "v4",
    provider: OFFLINE_PROVIDER,
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(call) {
      const { content, finishReason } = respond(call);
      return { content, finishReason, usage: USAGE, warnings: [], response: { modelId: OFFLINE_MODEL_ID } };
    },
    async doStream(call) {
      const { content, finishReason } = respond(call);
      const parts = streamPartsOf(content, finishReason);
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}
