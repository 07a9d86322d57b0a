// A person's saved conversations, and the transcript the model reads: conversation_message rows written only by the
// server — the person's own messages as received, the copilot's as the model and tools produced them. A client
// never sends history; nobody reaches another person's conversation (the owner check and the transcript's query are
// @pharmacrm/domain's, copilot/conversations.ts; what a turn writes is here).
import { randomUUID } from "node:crypto";
import { and, eq, gte, max } from "drizzle-orm";

import { conversation, conversationMessage, type Db } from "@pharmacrm/db";
import { conversationMessages, DomainError, requireConversation, type Viewer } from "@pharmacrm/domain";

import type { CopilotUIMessage } from "./types";

const TITLE_LENGTH = 80;

type Part = CopilotUIMessage["parts"][number];
export type TextPart = Extract<Part, { type: "text" }>;

export function titleFrom(parts: readonly { type: string; text?: string }[]): string {
  const text = parts
    .map((p) => (p.type === "text" ? (p.text ?? "") : ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return "New conversation";
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text;
}

/** The viewer's conversation with this id, created (titled from the first question) when new. */
export async function ensureConversation(
  db: Db,
  viewer: Viewer,
  id: string | undefined,
  firstParts: readonly TextPart[],
): Promise<string> {
  if (id) {
    const [existing] = await db
      .select({ id: conversation.id })
      .from(conversation)
      .where(eq(conversation.id, id))
      .limit(1);
    if (existing) return requireConversation(db, viewer, id);
  }
  const [created] = await db
    .insert(conversation)
    .values({ ...(id ? { id } : {}), orgId: viewer.orgId, userId: viewer.userId, title: titleFrom(firstParts) })
    .returning({ id: conversation.id });
  return created!.id;
}

export interface StoredMessage {
  id: string;
  position: number;
  message: CopilotUIMessage;
}

/** The viewer's conversation as the model reads it (see requireConversation first). */
export async function loadTranscript(db: Db, viewer: Viewer, conversationId: string): Promise<StoredMessage[]> {
  const rows = await conversationMessages(db, viewer, conversationId);
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    message: { id: r.id, role: r.role as CopilotUIMessage["role"], parts: r.parts as Part[] },
  }));
}

async function nextPosition(db: Db, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(conversationMessage.position) })
    .from(conversationMessage)
    .where(eq(conversationMessage.conversationId, conversationId));
  return (row?.last ?? -1) + 1;
}

/** Drops the messages from `position` on (an edited question and what followed it, or an answer to regenerate). */
export async function dropFrom(db: Db, conversationId: string, position: number): Promise<void> {
  await db
    .delete(conversationMessage)
    .where(and(eq(conversationMessage.conversationId, conversationId), gte(conversationMessage.position, position)));
}

export async function replaceParts(
  db: Db,
  conversationId: string,
  messageId: string,
  parts: readonly Part[],
): Promise<void> {
  await db
    .update(conversationMessage)
    .set({ parts })
    .where(and(eq(conversationMessage.conversationId, conversationId), eq(conversationMessage.id, messageId)));
}

/**
 * The person's new message, stored before the model runs so the transcript holds it whatever the turn does. A
 * message id is the chat's own (it edits by id); one already used anywhere is refused, unless this very message is
 * being edited.
 */
export async function appendUserMessage(
  db: Db,
  conversationId: string,
  message: { id?: string; parts: TextPart[] },
  editing?: StoredMessage,
): Promise<CopilotUIMessage> {
  const id = message.id ?? `user-${randomUUID()}`;
  const [taken] = await db
    .select({ conversationId: conversationMessage.conversationId })
    .from(conversationMessage)
    .where(eq(conversationMessage.id, id))
    .limit(1);
  if (taken && !(editing && editing.id === id && taken.conversationId === conversationId)) {
    throw new DomainError("CONFLICT", "That message was already sent. Send a new message instead.");
  }
  if (editing) await dropFrom(db, conversationId, editing.position);
  const position = editing ? editing.position : await nextPosition(db, conversationId);
  await db.insert(conversationMessage).values({ id, conversationId, position, role: "user", parts: message.parts });
  return { id, role: "user", parts: message.parts };
}

/** The copilot's answer as the stream produced it: a continued message (after an approval) is updated in place. */
export async function saveResponse(
  db: Db,
  viewer: Viewer,
  conversationId: string,
  message: CopilotUIMessage,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ conversationId: conversationMessage.conversationId })
      .from(conversationMessage)
      .where(eq(conversationMessage.id, message.id))
      .limit(1);
    if (existing?.conversationId === conversationId) {
      await replaceParts(tx, conversationId, message.id, message.parts);
    } else if (message.parts.length > 0) {
      // Server-made ids; should one ever collide with another conversation's row, this one gets a fresh id.
      const id = existing ? `msg-${randomUUID()}` : message.id;
      await tx.insert(conversationMessage).values({
        id,
        conversationId,
        position: await nextPosition(tx, conversationId),
        role: "assistant",
        parts: message.parts,
      });
    }
    await tx
      .update(conversation)
      .set({ updatedAt: new Date() })
      .where(and(eq(conversation.id, conversationId), eq(conversation.userId, viewer.userId)));
  });
}

/** Messages after the last question of the person (the answer a regenerate replaces). */
export function lastQuestionIndex(transcript: readonly StoredMessage[]): number {
  return transcript.findLastIndex((m) => m.message.role === "user");
}
