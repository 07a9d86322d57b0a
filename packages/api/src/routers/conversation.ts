// The signed-in user's copilot conversations: list (optionally searched), open, rename, delete. A conversation is
// only ever its owner's: every query filters by user id, so someone else's id reads as "not found".
// The chat endpoint creates conversations and saves their messages; this router never writes messages.
import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conversation, conversationMessage, type Db } from "@pharmacrm/db";
import { isoDateTime, plainText } from "@pharmacrm/domain";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const conversationIdInput = z.object({ id: z.uuid("Not a conversation id") });

export const conversationListInput = z.object({
  /** Words to find in a conversation's title or in what was written in it. */
  search: plainText("The search").max(200, "Keep the search under 200 characters").optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** `updatedAt` of the last conversation already shown (ISO), for the next page. */
  before: isoDateTime("The date to page from", "The page link is not valid; start from the first page.").optional(),
});

export const renameConversationInput = conversationIdInput.extend({
  title: plainText("The name").min(1, "Give the conversation a name").max(120, "Keep the name under 120 characters"),
});

const ownedBy = (userId: string, id: string) => and(eq(conversation.id, id), eq(conversation.userId, userId));

/** LIKE pattern for literal text: %, _ and \ in the user's words match themselves. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Title, or the text parts of any message (not tool inputs or outputs), contain every word. */
function matchesWords(search: string): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  const spoken = sql`(select string_agg(jsonb_path_query_array(${conversationMessage.parts}, '$[*] ? (@.type == "text").text')::text, ' ')
    from ${conversationMessage} where ${conversationMessage.conversationId} = ${conversation.id})`;
  return and(...words.map((word) => or(sql`${conversation.title} ilike ${containing(word)}`, sql`${spoken} ilike ${containing(word)}`)));
}

export async function listConversations(db: Db, userId: string, input: z.infer<typeof conversationListInput>) {
  const rows = await db
    .select({ id: conversation.id, title: conversation.title, createdAt: conversation.createdAt, updatedAt: conversation.updatedAt })
    .from(conversation)
    .where(
      and(
        eq(conversation.userId, userId),
        input.search ? matchesWords(input.search) : undefined,
        input.before ? lt(conversation.updatedAt, new Date(input.before)) : undefined,
      ),
    )
    .orderBy(desc(conversation.updatedAt), desc(conversation.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextBefore: rows.length > input.limit ? items.at(-1)!.updatedAt.toISOString() : null };
}

async function ownedOrNotFound(db: Db, userId: string, id: string) {
  const [row] = await db.select().from(conversation).where(ownedBy(userId, id));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That conversation does not exist (any more)." });
  return row;
}

export const conversationRouter = createTRPCRouter({
  list: protectedProcedure.input(conversationListInput).query(({ ctx, input }) => listConversations(ctx.db, ctx.viewer.userId, input)),

  /** One conversation with its messages in order, as the chat saved them (AI SDK UI messages). */
  get: protectedProcedure.input(conversationIdInput).query(async ({ ctx, input }) => {
    const row = await ownedOrNotFound(ctx.db, ctx.viewer.userId, input.id);
    const messages = await ctx.db
      .select({ id: conversationMessage.id, role: conversationMessage.role, parts: conversationMessage.parts })
      .from(conversationMessage)
      .where(eq(conversationMessage.conversationId, row.id))
      .orderBy(asc(conversationMessage.position));
    return { id: row.id, title: row.title, updatedAt: row.updatedAt, messages };
  }),

  rename: protectedProcedure.input(renameConversationInput).mutation(async ({ ctx, input }) => {
    await ownedOrNotFound(ctx.db, ctx.viewer.userId, input.id);
    const [row] = await ctx.db
      .update(conversation)
      .set({ title: input.title })
      .where(ownedBy(ctx.viewer.userId, input.id))
      .returning({ id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt });
    return row!;
  }),

  /** Deletes the conversation and its messages; the copilot_turn audit rows stay (no foreign key). */
  delete: protectedProcedure.input(conversationIdInput).mutation(async ({ ctx, input }) => {
    await ownedOrNotFound(ctx.db, ctx.viewer.userId, input.id);
    await ctx.db.delete(conversation).where(ownedBy(ctx.viewer.userId, input.id));
    return { id: input.id };
  }),
});
