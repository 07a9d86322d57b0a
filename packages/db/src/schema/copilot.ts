// The copilot's conversations (per user) and its audit trail: one row per turn with model, input hash, tools,
// approvals and confidences. Turns outlive their conversation (deleting a chat keeps the record compliance needs);
// a database trigger rejects UPDATE and DELETE on copilot_turn once it is finished. Writes the copilot proposes wait in
// copilot_pending_action until the person answers: the server executes only the input stored there, once.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";

import { appUser, org } from "./org";

export const conversation = pgTable(
  "conversation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversation_user_idx").on(t.userId, t.updatedAt)],
);

/** UI messages as the AI SDK shapes them (id, role, parts), in order. */
export const conversationMessage = pgTable(
  "conversation_message",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversation.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    role: varchar("role", { length: 16 }).notNull(),
    parts: jsonb("parts").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversation_message_order_idx").on(t.conversationId, t.position)],
);

export const copilotTurn = pgTable(
  "copilot_turn",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    /** No foreign key: the record stays when the conversation is deleted. */
    conversationId: uuid("conversation_id"),
    /** Provider and model as reported, e.g. "openai" / "gpt-4.1-mini-2025-04-14", or "offline" / "pharmacrm-offline-1". */
    provider: varchar("provider", { length: 64 }).notNull(),
    modelId: text("model_id").notNull(),
    /** SHA-256 of the messages the model was given. */
    inputHash: varchar("input_hash", { length: 64 }).notNull(),
    /** [{ name, input, output summary, approved? }] in call order. */
    toolCalls: jsonb("tool_calls").notNull().default([]),
    /** Next-best-action items shown, with their confidence. */
    confidences: jsonb("confidences").notNull().default([]),
    status: varchar("status", { length: 16 }).notNull(),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("copilot_turn_org_time_idx").on(t.orgId, t.startedAt),
    index("copilot_turn_conversation_idx").on(t.conversationId),
  ],
);

/**
 * A write tool call (logInteraction, createTask …) waiting for, or past, the person's answer. Bound to the user, org
 * and conversation that proposed it; single-use (pending → approved/rejected/expired by one conditional UPDATE, then
 * approved → executed/failed); the input stored here is the only input ever executed.
 */
export const copilotPendingAction = pgTable(
  "copilot_pending_action",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversation.id, { onDelete: "cascade" }),
    /** The copilot_turn that proposed the write, and the one that carried the person's answer. */
    turnId: uuid("turn_id").notNull(),
    decidedTurnId: uuid("decided_turn_id"),
    /** The assistant message holding the approval card. */
    messageId: varchar("message_id", { length: 64 }).notNull(),
    toolName: varchar("tool_name", { length: 64 }).notNull(),
    toolCallId: varchar("tool_call_id", { length: 128 }).notNull(),
    /** The SDK's approval request id shown with the card. */
    approvalId: varchar("approval_id", { length: 128 }).notNull(),
    /** The input that is executed: as proposed, or as the person corrected it on the card (validated again). */
    input: jsonb("input").notNull(),
    /** The input as the model proposed it, kept when the person corrected it before approving; null otherwise. */
    proposedInput: jsonb("proposed_input"),
    /** pending | approved | rejected | executed | failed | expired */
    status: varchar("status", { length: 16 }).notNull().default("pending"),
    reason: text("reason"),
    /** { status, message? } of the tool's result, and the id of the row it wrote (interaction, task). */
    result: jsonb("result"),
    resultRef: varchar("result_ref", { length: 64 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    executedAt: timestamp("executed_at", { withTimezone: true }),
  },
  (t) => [
    index("copilot_pending_action_conversation_idx").on(t.conversationId, t.status),
    uniqueIndex("copilot_pending_action_call_idx").on(t.conversationId, t.messageId, t.toolCallId),
  ],
);
