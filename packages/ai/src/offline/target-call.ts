// The tool that answers each intent, with its arguments taken from the rep's message (and the NPI once known).
import type { Intent } from "./intent";

export interface TargetCall {
  toolName: string;
  input: Record<string, unknown>;
}

/** Drops undefined and null fields so the call carries only what the rep said. */
const given = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));

export function targetCall(
  intent: Exclude<Intent, { kind: "help" | "unknown" }>,
  npi: string | undefined,
  today: string,
): TargetCall {
  switch (intent.kind) {
    case "search":
      return { toolName: "searchPhysicians", input: { query: intent.query } };
    case "profile":
      return { toolName: "getPhysicianProfile", input: { npi } };
    case "brief":
      return { toolName: "prepareCallBrief", input: { npi } };
    case "draft":
      return { toolName: "draftOutreach", input: given({ npi, purpose: intent.purpose, topic: intent.topic }) };
    case "nba":
      return { toolName: "nextBestActions", input: given({ npi, limit: 5 }) };
    case "log":
      return {
        toolName: "logInteraction",
        input: given({ npi, channel: intent.channel, occurredAt: intent.date ?? today, notes: intent.notes }),
      };
    case "task":
      return { toolName: "createTask", input: given({ title: intent.title, npi, dueDate: intent.dueDate }) };
  }
}
