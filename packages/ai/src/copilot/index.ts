export { runCopilotTurn, approvalSecretFrom, MAX_STEPS, type CopilotTurn, type CopilotTurnInput, type CopilotTurnOutcome } from "./run-copilot-turn";
export type { CopilotUIMessage } from "./types";
export type { RecordedToolCall, TurnStatus } from "./turn-audit";
export type { NbaConfidence } from "./tool-summary";
