// A person's copilot conversations: list (optionally searched), open, rename, delete, and the messages of one. A
// conversation is only ever its owner's (same user, same org): every query filters by the owner, so someone else's id
// reads as "not found". The copilot turn (@pharmacrm/ai) creates conversations and writes their messages; it checks
// ownership and reads the transcript through here.
import { and, asc, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";

import { conversation, conversationMessage, type Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import type { Scope } from "../scope";

/** Whose conversations: a Scope, or the Viewer of a copilot turn. */
export type ConversationOwner = Pick<Scope, "orgId" | "userId">;

export interface ConversationListQuery {
  /** Words to find in a conversation's title or in what was written in it. */
  search?: string | undefined;
  limit: number;
  /** `updatedAt` of the last conversation already shown (ISO), for the next page. */
  before?: string | undefined;
}

const ownedBy = (owner: ConversationOwner) =>
  and(eq(conversation.userId, owner.userId), eq(conversation.orgId, owner.orgId));

/** LIKE pattern for literal text: %, _ and \ in the user's words match themselves. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Title, or the text parts of any message (not tool inputs or outputs), contain every word. */
function matchesWords(search: string): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  const spoken = sql`(select string_agg(jsonb_path_query_array(${conversationMessage.parts}, '$[*] ? (@.type == "text").text')::text, ' ')
    from ${conversationMessage} where ${conversationMessage.conversationId} = ${conversation.id})`;
  return and(
    ...words.map((word) =>
      or(sql`${conversation.title} ilike ${containing(word)}`, sql`${spoken} ilike ${containing(word)}`),
    ),
  );
}

/** The owner's conversations, most recently updated first, a page at a time. */
export async function listConversations(db: Db, owner: ConversationOwner, query: ConversationListQuery) {
  const rows = await db
    .select({
      id: conversation.id,
      title: conversation.title,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
    })
    .from(conversation)
    .where(
      and(
        ownedBy(owner),
        query.search ? matchesWords(query.search) : undefined,
        query.before ? lt(conversation.updatedAt, new Date(query.before)) : undefined,
      ),
    )
    .orderBy(desc(conversation.updatedAt), desc(conversation.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextBefore: rows.length > query.limit ? items.at(-1)!.updatedAt.toISOString() : null };
}

async function ownConversation(db: Db, owner: ConversationOwner, id: string) {
  const [row] = await db
    .select()
    .from(conversation)
    .where(and(eq(conversation.id, id), ownedBy(owner)))
    .limit(1);
  return row;
}

// The conversation screens and the copilot turn have each said "not found" in their own words since they began.
const goneFromList = () => new DomainError("NOT_FOUND", "That conversation does not exist (any more).");
const notFoundForTurn = () => new DomainError("NOT_FOUND", "That conversation was not found.");

async function ownedOrGone(db: Db, owner: ConversationOwner, id: string) {
  const row = await ownConversation(db, owner, id);
  if (!row) throw goneFromList();
  return row;
}

/** The owner's conversation with this id, for a copilot turn to continue; anyone else's reads as "not found". */
export async function requireConversation(db: Db, owner: ConversationOwner, id: string): Promise<string> {
  if (!(await ownConversation(db, owner, id))) throw notFoundForTurn();
  return id;
}

/** The messages of the owner's conversation in order, as the chat saved them (AI SDK UI messages); none for anyone else's. */
export async function conversationMessages(db: Db, owner: ConversationOwner, conversationId: string) {
  return db
    .select({
      id: conversationMessage.id,
      position: conversationMessage.position,
      role: conversationMessage.role,
      parts: conversationMessage.parts,
    })
    .from(conversationMessage)
    .innerJoin(conversation, eq(conversation.id, conversationMessage.conversationId))
    .where(and(eq(conversationMessage.conversationId, conversationId), ownedBy(owner)))
    .orderBy(asc(conversationMessage.position));
}

/** One conversation with its messages in order. */
export async function getConversation(db: Db, owner: ConversationOwner, id: string) {
  const row = await ownedOrGone(db, owner, id);
  const messages = await conversationMessages(db, owner, row.id);
  return {
    id: row.id,
    title: row.title,
    updatedAt: row.updatedAt,
    messages: messages.map(({ id, role, parts }) => ({ id, role, parts })),
  };
}

export async function renameConversation(db: Db, owner: ConversationOwner, id: string, title: string) {
  await ownedOrGone(db, owner, id);
  const [row] = await db
    .update(conversation)
    .set({ title })
    .where(and(eq(conversation.id, id), ownedBy(owner)))
    .returning({ id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt });
  return row!;
}

/** Deletes the conversation and its messages; the copilot_turn audit rows stay (no foreign key). */
export async function deleteConversation(db: Db, owner: ConversationOwner, id: string) {
  await ownedOrGone(db, owner, id);
  await db.delete(conversation).where(and(eq(conversation.id, id), ownedBy(owner)));
  return { id };
}
