// The world the chat-write tests share: two org products (Eliquis sampleable, Farxiga not), the rep's "today", and
// a sentence asked, then every write it proposes approved or rejected, as a rep does on the cards.
import { eq } from "drizzle-orm";
import { beforeAll } from "vitest";

import { copilotPendingAction, product } from "@pharmacrm/db";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { createOfflineEngine } from "../offline/engine";
import type { CopilotTurnRequest } from "./chat-request";
import { answerAll, ask, pendingWrites, readTurn, textOf } from "./headless";
import { runCopilotTurn } from "./run-copilot-turn";
import type { CopilotUIMessage } from "./types";

/** The text written after the message's last card: the answer to the approval, not what was said before it. */
const textAfterCards = (message: CopilotUIMessage) => {
  const last = message.parts.map((p) => p.type.startsWith("tool-")).lastIndexOf(true);
  return textOf({ ...message, parts: message.parts.slice(last + 1) });
};

/** Call at the top of a test file: the test world with the org's products, and the helpers that run turns in it. */
export function useChatWrites() {
  const ctx = useWorld();
  // Monday 23 November 2026, mid-morning: the rep's "today".
  const now = new Date(2026, 10, 23, 10, 0);
  const model = createOfflineEngine({ now: () => now });

  beforeAll(async () => {
    const orgId = ctx.world.viewers.repE1.orgId;
    await ctx.database.db.insert(product).values([
      { orgId, name: "Eliquis", genericName: "apixaban", sampleable: true },
      { orgId, name: "Farxiga", genericName: "dapagliflozin", sampleable: false },
    ]);
  });

  /** One turn as the rep: a new message, or answers to the cards of `conversationId`. */
  const turn = (request: CopilotTurnRequest, conversationId?: string) =>
    readTurn(
      runCopilotTurn({ db: ctx.database.db, model, now, viewer: ctx.world.viewers.repE1, conversationId, request }),
    );

  /**
   * Asks, then approves (or rejects) every write the answer proposes; returns what was proposed, what the copilot
   * said it read before the card, and the answer.
   */
  async function askAndApprove(text: string, approved = true) {
    const asked = await turn(ask(text));
    const proposed = pendingWrites(asked.responseMessage);
    const saidBack = textOf(asked.responseMessage);
    if (proposed.length === 0) return { proposed, saidBack, answer: saidBack, actions: [] };
    const done = await turn(answerAll(asked.responseMessage, approved), asked.conversationId);
    // The server's record of each approved write says it was carried out, with the row it wrote.
    const actions = await ctx.database.db
      .select({ status: copilotPendingAction.status, resultRef: copilotPendingAction.resultRef })
      .from(copilotPendingAction)
      .where(eq(copilotPendingAction.conversationId, asked.conversationId));
    return { proposed, saidBack, answer: textAfterCards(done.responseMessage), actions };
  }

  return { ctx, E1: NPIS.E1, turn, askAndApprove };
}
