// The tool that answers each intent, with its arguments taken from the person's message (and the NPI once known).
import type { Intent } from "./intent";

export interface TargetCall {
  toolName: string;
  input: Record<string, unknown>;
}

/** Intents a tool answers (the rest are answered in words). */
export type ToolIntent = Exclude<Intent, { kind: "help" | "unknown" | "ask" | "admin" }>;

/** Drops undefined and null fields so the call carries only what the person said. */
const given = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));

export function targetCall(intent: ToolIntent, npi: string | undefined, today: string): TargetCall {
  switch (intent.kind) {
    case "search":
      return { toolName: "searchPhysicians", input: given({ query: intent.query, mine: intent.mine || undefined }) };
    case "topWriters":
      return {
        toolName: "searchPhysicians",
        input: given({
          query: `writes ${intent.drug}${intent.place ? ` in ${intent.place}` : ""}`,
          mine: intent.mine || undefined,
          limit: intent.limit,
        }),
      };
    case "profile":
      return { toolName: "getPhysicianProfile", input: given({ npi, drug: intent.drug }) };
    case "brief":
      return { toolName: "prepareCallBrief", input: { npi } };
    case "draft":
      return {
        toolName: "draftOutreach",
        input: given({ npi, purpose: intent.purpose, product: intent.product, topic: intent.topic }),
      };
    case "nba":
      return { toolName: "nextBestActions", input: given({ npi, limit: 5 }) };
    case "log":
      return {
        toolName: "logInteraction",
        input: given({
          npi,
          channel: intent.channel,
          occurredAt: intent.occurredAt ?? today,
          products: intent.products,
          samples: intent.samples,
          notes: intent.notes,
          followUp: intent.followUp,
          followUpDate: intent.followUpDate,
        }),
      };
    case "task":
      return { toolName: "createTask", input: given({ title: intent.title, npi, dueDate: intent.dueDate }) };
    case "tasks":
    case "completeTask":
    case "rescheduleTask":
      // Completing or moving a task starts from the list: the task is found there by its words.
      return { toolName: "listTasks", input: { status: intent.kind === "tasks" ? intent.status : "open" } };
    case "calls":
      return {
        toolName: "listCalls",
        input: given({ from: intent.from, to: intent.to, channel: intent.channel, product: intent.product, npi }),
      };
    case "consent":
      return {
        toolName: "recordConsent",
        input: {
          npi,
          channel: intent.channel,
          product: intent.product,
          status: intent.status,
          source: intent.source,
        },
      };
    case "analytics":
      return { toolName: "queryAnalytics", input: { ...intent.query } };
    case "teamFocus":
      return { toolName: "teamFocus", input: {} };
    case "repScorecard":
      return {
        toolName: "repScorecard",
        input: { ...(intent.rep ? { rep: intent.rep } : {}), ...(intent.period ? { period: intent.period } : {}) },
      };
    case "account":
      return {
        toolName: "updateAccount",
        input: given({ npi, tier: intent.tier, segment: intent.segment, notes: intent.notes }),
      };
  }
}
