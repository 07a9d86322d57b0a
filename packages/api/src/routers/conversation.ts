// The signed-in user's copilot conversations: list (optionally searched), open, rename, delete. The queries and the
// rule that a conversation is only ever its owner's live in @pharmacrm/domain (copilot/conversations.ts).
// The chat endpoint creates conversations and saves their messages; this router never writes messages.
import { z } from "zod";

import {
  deleteConversation,
  getConversation,
  isoDateTime,
  listConversations,
  plainText,
  renameConversation,
} from "@pharmacrm/domain";

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

export const conversationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(conversationListInput)
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.scope, input)),

  /** One conversation with its messages in order, as the chat saved them (AI SDK UI messages). */
  get: protectedProcedure
    .input(conversationIdInput)
    .query(({ ctx, input }) => getConversation(ctx.db, ctx.scope, input.id)),

  rename: protectedProcedure
    .input(renameConversationInput)
    .mutation(({ ctx, input }) => renameConversation(ctx.db, ctx.scope, input.id, input.title)),

  /** Deletes the conversation and its messages; the copilot_turn audit rows stay (no foreign key). */
  delete: protectedProcedure
    .input(conversationIdInput)
    .mutation(({ ctx, input }) => deleteConversation(ctx.db, ctx.scope, input.id)),
});
