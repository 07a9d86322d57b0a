// The rows an erasure test starts from, shared by the HCP and the former-user erasure tests.
import { beforeAll } from "vitest";

import {
  consentRecord,
  conversation,
  conversationMessage,
  copilotPendingAction,
  hcpAttribute,
  interaction,
  nbaDecision,
  outreachDraft,
  type Db,
} from "@pharmacrm/db";
import { erasureMarker } from "@pharmacrm/domain";
import { NPIS, useWorld, type PersonKey, type World } from "@pharmacrm/domain/testing";

import { callerFor } from "./caller";

/** A copilot-proposed call log's input. */
export const pendingInput = (npi: string, notes: string) => ({
  hcpNpi: npi,
  channel: "phone",
  notes,
  products: [],
  samples: [],
});

/**
 * What an erasure must find: repE1's calls, a consent's evidence, account notes, next-best-action decisions and draft about E1 (and org B's
 * own account of E1), a chat of repE1's mentioning E1, and copilot writes proposed in it — waiting, rejected (both
 * about E1) and one about E2.
 */
export async function seedErasureFixtures(db: Db, world: World) {
  const { viewers, territories } = world;
  const a = viewers.adminA.orgId;
  const b = viewers.adminB.orgId;
  await db.insert(interaction).values({
    orgId: a,
    hcpNpi: NPIS.E1,
    ownerId: viewers.repE1.userId,
    territoryId: territories.E1,
    channel: "phone",
    occurredAt: new Date("2026-10-05T10:00:00Z"),
    notes: "Dr. E1 mentioned her cell 555-0199 and her daughter's surgery",
    followUp: "Call her at home",
  });
  await db.insert(interaction).values({
    orgId: a,
    hcpNpi: NPIS.E1,
    ownerId: viewers.repE1.userId,
    territoryId: territories.E1,
    channel: "video",
    occurredAt: new Date("2026-10-06T10:00:00Z"),
  });
  // An opt-out whose evidence names the HCP's private life; the world's opt-in of E1 has no evidence.
  await db.insert(consentRecord).values({
    orgId: a,
    hcpNpi: NPIS.E1,
    channel: "phone",
    status: "revoked",
    source: "verbal at call",
    evidence: "Asked not to be called while her daughter recovers",
    recordedById: viewers.repE1.userId,
  });
  await db.insert(hcpAttribute).values([
    { orgId: a, hcpNpi: NPIS.E1, segment: "Champion", tier: "A", decile: 9, notes: "Home address 12 Elm St" },
    { orgId: b, hcpNpi: NPIS.E1, segment: "Skeptic", notes: "Org B's own note" },
  ]);
  await db.insert(nbaDecision).values([
    {
      orgId: a,
      userId: viewers.repE1.userId,
      hcpNpi: NPIS.E1,
      action: "call",
      score: "40.0",
      confidence: "0.5",
      reasons: [],
      decision: "dismissed",
      reason: "On maternity leave",
    },
    {
      orgId: a,
      userId: viewers.repE1.userId,
      hcpNpi: NPIS.E1,
      action: "email",
      score: "40.0",
      confidence: "0.5",
      reasons: [],
      decision: "accepted",
    },
  ]);
  await db.insert(outreachDraft).values({
    orgId: a,
    ownerId: viewers.repE1.userId,
    hcpNpi: NPIS.E1,
    purpose: "follow_up",
    subject: "Following up, Dr. E1",
    body: "Hope your daughter is well.",
    compliance: { passed: true, flags: [] },
  });
  const [chat] = await db
    .insert(conversation)
    .values({ orgId: a, userId: viewers.repE1.userId, title: `Prep for ${NPIS.E1}` })
    .returning();
  const chatMentioning = `m-${Date.now()}-1`;
  const chatOther = `m-${Date.now()}-2`;
  await db.insert(conversationMessage).values([
    {
      id: chatMentioning,
      conversationId: chat!.id,
      position: 0,
      role: "user",
      parts: [{ type: "text", text: `Brief me on NPI ${NPIS.E1}, she is pregnant` }],
    },
    {
      id: chatOther,
      conversationId: chat!.id,
      position: 1,
      role: "user",
      parts: [{ type: "text", text: "And who else is nearby?" }],
    },
  ]);
  const proposed = (key: string, input: object, extra: { status?: string; reason?: string } = {}) => ({
    orgId: a,
    userId: viewers.repE1.userId,
    conversationId: chat!.id,
    turnId: crypto.randomUUID(),
    messageId: `m-${key}`,
    toolName: "logInteraction",
    toolCallId: `call-${key}`,
    approvalId: `approval-${key}`,
    input,
    expiresAt: new Date(Date.now() + 3_600_000),
    ...extra,
  });
  const actions = await db
    .insert(copilotPendingAction)
    .values([
      proposed("waiting", pendingInput(NPIS.E1, "She told me about her divorce")),
      proposed("rejected", pendingInput(NPIS.E1, "Her son is ill"), {
        status: "rejected",
        reason: "Not her private life, please",
      }),
      proposed("other", pendingInput(NPIS.E2, "Asked for the new dosing data")),
    ])
    .returning({ id: copilotPendingAction.id });
  return {
    chatMentioning,
    chatOther,
    pendingIds: { waiting: actions[0]!.id, rejected: actions[1]!.id, other: actions[2]!.id },
  };
}

/** A world with the erasure fixtures in it, the tRPC caller of each person, and today's erasure marker. */
export function useErasureWorld() {
  const ctx = useWorld();
  let seeded: Awaited<ReturnType<typeof seedErasureFixtures>> | undefined;
  beforeAll(async () => {
    seeded = await seedErasureFixtures(ctx.database.db, ctx.world);
  });
  return {
    get world() {
      return ctx.world;
    },
    db: (): Db => ctx.database.db,
    api: (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]),
    marker: erasureMarker(new Date()),
    get seeded() {
      return seeded!;
    },
  };
}
