export {
  runCopilotTurn,
  MAX_STEPS,
  type CopilotTurn,
  type CopilotTurnInput,
  type CopilotTurnOutcome,
} from "./run-copilot-turn";
export {
  chatRequest,
  readChatRequest,
  MAX_REQUEST_BYTES,
  MAX_TEXT_LENGTH,
  type ChatRequest,
  type CopilotTurnRequest,
  type ReadChatRequest,
} from "./chat-request";
export { APPROVAL_TTL_MS, type ApprovalAnswer } from "./pending-actions";
export type { CopilotUIMessage } from "./types";
export type { RecordedToolCall, TurnStatus } from "./turn-audit";
export type { NbaConfidence } from "./tool-summary";
