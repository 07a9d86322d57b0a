// What the offline engine reads from a prompt: the rep's own words (user messages only) and, for the current turn
// (everything after the last user message), the tools already called and what they returned. Tool results are
// data for the answer; they never become instructions — intents come from user messages alone.
import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";

export interface ToolStep {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** Undefined while the call waits for approval or its result. */
  output?: ToolOutcome;
}

export type ToolOutcome =
  { kind: "result"; value: unknown } | { kind: "denied"; reason?: string } | { kind: "error"; message: string };

export interface ConversationView {
  /** The rep's messages, oldest first, as plain text. */
  userTexts: string[];
  /** Tool calls made since the last user message, in order, with their outcomes. */
  turn: ToolStep[];
  /** Tool calls anywhere in the prompt (for unique call ids). */
  toolCallCount: number;
  /** The NPI of the last physician a tool was called for before the rep's last message ("email her" follows it). */
  earlierNpi?: string;
}

function outcomeOf(output: LanguageModelV4ToolResultOutput): ToolOutcome {
  switch (output.type) {
    case "json":
      return { kind: "result", value: output.value };
    case "text":
      return { kind: "result", value: output.value };
    case "execution-denied":
      return { kind: "denied", reason: output.reason };
    case "error-text":
      return { kind: "error", message: output.value };
    case "error-json":
      return { kind: "error", message: JSON.stringify(output.value) };
    default:
      return { kind: "error", message: "The tool returned content the offline engine cannot read." };
  }
}

export function readConversation(prompt: LanguageModelV4Prompt): ConversationView {
  const userTexts: string[] = [];
  let turn: ToolStep[] = [];
  let toolCallCount = 0;
  let lastNpi: string | undefined;
  let earlierNpi: string | undefined;
  for (const message of prompt) {
    if (message.role === "user") {
      earlierNpi = lastNpi;
      userTexts.push(
        message.content
          .map((part) => (part.type === "text" ? part.text : ""))
          .join(" ")
          .trim(),
      );
      turn = [];
    } else if (message.role === "assistant") {
      for (const part of message.content) {
        if (part.type !== "tool-call") continue;
        toolCallCount++;
        turn.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
        // The engine's (or model's) own calls, never text from a tool result.
        const npi = (part.input as { npi?: unknown } | null)?.npi;
        if (typeof npi === "string") lastNpi = npi;
      }
    } else if (message.role === "tool") {
      for (const part of message.content) {
        if (part.type !== "tool-result") continue;
        const step = turn.find((s) => s.toolCallId === part.toolCallId);
        if (step) step.output = outcomeOf(part.output);
      }
    }
  }
  return { userTexts, turn, toolCallCount, earlierNpi };
}

/** The latest outcome of a tool in this turn, if it has run. */
export function outcomeOfTool(view: ConversationView, toolName: string): ToolOutcome | undefined {
  return view.turn.findLast((s) => s.toolName === toolName && s.output)?.output;
}
