// A person's saved conversations: created on the first turn (titled from the first question), the whole message
// list replaced after each turn. Nobody reaches another person's conversation.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { UIMessage } from "ai";
import { conversation, conversationMessage, type Db } from "@pharmacrm/db";
import { DomainError, type Viewer } from "@pharmacrm/domain";

const TITLE_LENGTH = 80;

export function titleFrom(messages: readonly UIMessage[]): string {
  const first = messages.find((m) => m.role === "user");
  const text = (first?.parts ?? [])
    .map((p) => (p.type === "text" ? p.text : ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return "New conversation";
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text;
}

/** The viewer's conversation with this id, created when new; someone else's is "not found". */
export async function ensureConversation(db: Db, viewer: Viewer, id: string | undefined, messages: readonly UIMessage[]): Promise<string> {
  if (id) {
    const [existing] = await db.select({ userId: conversation.userId }).from(conversation).where(eq(conversation.id, id)).limit(1);
    if (existing) {
      if (existing.userId !== viewer.userId) throw new DomainError("NOT_FOUND", "That conversation was not found.");
      return id;
    }
  }
  const [created] = await db
    .insert(conversation)
    .values({ ...(id ? { id } : {}), orgId: viewer.orgId, userId: viewer.userId, title: titleFrom(messages) })
    .returning({ id: conversation.id });
  return created!.id;
}

export async function saveMessages(db: Db, viewer: Viewer, conversationId: string, messages: readonly UIMessage[]): Promise<void> {
  // Message ids come from the client; one already stored in another conversation is stored here under a new id
  // rather than overwriting (or failing on) the other conversation's row.
  const ids = messages.map((m) => m.id);
  const taken = new Set(
    ids.length === 0
      ? []
      : (await db
          .select({ id: conversationMessage.id })
          .from(conversationMessage)
          .where(and(inArray(conversationMessage.id, ids), ne(conversationMessage.conversationId, conversationId)))).map((r) => r.id),
  );
  await db.transaction(async (tx) => {
    await tx.delete(conversationMessage).where(eq(conversationMessage.conversationId, conversationId));
    if (messages.length > 0) {
      await tx.insert(conversationMessage).values(
        messages.map((m, position) => ({ id: taken.has(m.id) ? `${conversationId.slice(0, 8)}-${position}-${m.id}`.slice(0, 64) : m.id, conversationId, position, role: m.role, parts: m.parts })),
      );
    }
    await tx
      .update(conversation)
      .set({ updatedAt: new Date() })
      .where(and(eq(conversation.id, conversationId), eq(conversation.userId, viewer.userId)));
  });
}
