// conversation.*: each user sees, searches, renames and deletes only their own copilot conversations; deleting one
// keeps its audit turns.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";

import { conversation, conversationMessage, copilotTurn } from "@pharmacrm/db";
import { useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const ctx = useWorld();
const api = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);

/** The field messages a refused call answers with (what the form shows), or "OK" when it was not refused. */
async function fieldErrors(call: () => Promise<unknown>): Promise<Record<string, string[] | undefined> | string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof ZodError ? z.flattenError(cause).fieldErrors : String(error);
  }
}
const ids: Record<"brief" | "draft" | "older" | "other", string> = { brief: "", draft: "", older: "", other: "" };

const text = (t: string) => [{ type: "text", text: t }];

beforeAll(async () => {
  const { db } = ctx.database;
  const rep = ctx.world.viewers.repE1;
  const other = ctx.world.viewers.repE2;
  const rows = await db
    .insert(conversation)
    .values([
      {
        orgId: rep.orgId,
        userId: rep.userId,
        title: "Prep me for Dr Hcpe1",
        updatedAt: new Date("2026-11-20T10:00:00Z"),
      },
      { orgId: rep.orgId, userId: rep.userId, title: "Email draft", updatedAt: new Date("2026-11-21T10:00:00Z") },
      {
        orgId: rep.orgId,
        userId: rep.userId,
        title: "Old chat 100%_done",
        updatedAt: new Date("2026-10-01T10:00:00Z"),
      },
      {
        orgId: other.orgId,
        userId: other.userId,
        title: "Prep me for Dr Hcpe2",
        updatedAt: new Date("2026-11-22T10:00:00Z"),
      },
    ])
    .returning();
  [ids.brief, ids.draft, ids.older, ids.other] = rows.map((r) => r.id) as [string, string, string, string];
  await db.insert(conversationMessage).values([
    {
      id: "m1",
      conversationId: ids.draft,
      position: 0,
      role: "user",
      parts: text("Draft a follow-up email about Alphacor"),
    },
    {
      id: "m2",
      conversationId: ids.draft,
      position: 1,
      role: "assistant",
      parts: [
        {
          type: "tool-draftOutreach",
          toolCallId: "t1",
          state: "output-available",
          input: { purpose: "renal" },
          output: {},
        },
        ...text("Here is the draft."),
      ],
    },
    { id: "m3", conversationId: ids.brief, position: 0, role: "user", parts: text("prep me for my call") },
  ]);
  await db.insert(copilotTurn).values({
    orgId: rep.orgId,
    userId: rep.userId,
    conversationId: ids.draft,
    provider: "offline",
    modelId: "pharmacrm-offline-1",
    inputHash: "a".repeat(64),
    status: "succeeded",
    finishedAt: new Date(),
  });
});

describe("conversation.list", () => {
  it("lists only the user's own conversations, most recent first", async () => {
    const { items, nextBefore } = await api("repE1").conversation.list({});
    expect(items.map((i) => i.id)).toEqual([ids.draft, ids.brief, ids.older]);
    expect(nextBefore).toBeNull();
    expect((await api("repE2").conversation.list({})).items.map((i) => i.id)).toEqual([ids.other]);
    expect((await api("adminA").conversation.list({})).items).toEqual([]);
  });

  it("pages with the last updatedAt shown", async () => {
    const first = await api("repE1").conversation.list({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids.draft, ids.brief]);
    const next = await api("repE1").conversation.list({ limit: 2, before: first.nextBefore! });
    expect(next.items.map((i) => i.id)).toEqual([ids.older]);
    expect(next.nextBefore).toBeNull();
  });

  it("refuses a page date outside 1900–2100, or one that does not exist, with a 400 that says so (the database never sees it)", async () => {
    for (const [before, errors] of [
      ["0000-01-01T00:00:00Z", { before: ["The date to page from must be a date between 1900 and 2100."] }],
      ["9999-12-31T00:00:00Z", { before: ["The date to page from must be a date between 1900 and 2100."] }],
      ["2026-13-45T00:00:00Z", { before: ["The page link is not valid; start from the first page."] }],
      ["0000-01-01", { before: ["The page link is not valid; start from the first page."] }],
    ] as const) {
      expect(await outcome(() => api("repE1").conversation.list({ before }))).toBe("BAD_REQUEST");
      expect(await fieldErrors(() => api("repE1").conversation.list({ before }))).toEqual(errors);
    }
    expect((await api("repE1").conversation.list({ before: "2100-12-31T23:59:59+00:00" })).items).toHaveLength(3);
  });

  it("searches titles and what was written, every word, case-insensitively, not tool inputs", async () => {
    const find = async (search: string) => (await api("repE1").conversation.list({ search })).items.map((i) => i.id);
    expect(await find("PREP")).toEqual([ids.brief]);
    expect(await find("alphacor follow-up")).toEqual([ids.draft]);
    expect(await find("draft")).toEqual([ids.draft]);
    expect(await find("renal")).toEqual([]);
    expect(await find("100%_")).toEqual([ids.older]);
    expect(await find("%")).toEqual([ids.older]);
    expect(await find("hcpe2")).toEqual([]);
    expect(await find("   ")).toEqual([ids.draft, ids.brief, ids.older]);
  });
});

describe("conversation.get / rename / delete", () => {
  it("opens the user's own conversation with its messages in order", async () => {
    const opened = await api("repE1").conversation.get({ id: ids.draft });
    expect(opened.title).toBe("Email draft");
    expect(opened.messages.map((m) => [m.id, m.role])).toEqual([
      ["m1", "user"],
      ["m2", "assistant"],
    ]);
  });

  it("treats someone else's conversation as not found, for reading, renaming and deleting", async () => {
    expect(await outcome(() => api("repE1").conversation.get({ id: ids.other }))).toBe("NOT_FOUND");
    expect(await outcome(() => api("repE1").conversation.rename({ id: ids.other, title: "mine now" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => api("adminA").conversation.delete({ id: ids.other }))).toBe("NOT_FOUND");
    expect((await api("repE2").conversation.get({ id: ids.other })).title).toBe("Prep me for Dr Hcpe2");
  });

  it("renames with a trimmed, non-empty name", async () => {
    expect(await api("repE1").conversation.rename({ id: ids.brief, title: "  Dr Hcpe1 call  " })).toMatchObject({
      title: "Dr Hcpe1 call",
    });
    expect(await outcome(() => api("repE1").conversation.rename({ id: ids.brief, title: "   " }))).toBe("BAD_REQUEST");
    expect((await api("repE1").conversation.get({ id: ids.brief })).title).toBe("Dr Hcpe1 call");
  });

  it("deletes the conversation and its messages but keeps the audit turns", async () => {
    const { db } = ctx.database;
    await api("repE1").conversation.delete({ id: ids.draft });
    expect(await outcome(() => api("repE1").conversation.get({ id: ids.draft }))).toBe("NOT_FOUND");
    expect(
      await db.select().from(conversationMessage).where(eq(conversationMessage.conversationId, ids.draft)),
    ).toEqual([]);
    expect(
      await db.select({ id: copilotTurn.id }).from(copilotTurn).where(eq(copilotTurn.conversationId, ids.draft)),
    ).toHaveLength(1);
  });

  it("is for signed-in users only and rejects malformed ids", async () => {
    expect(await outcome(() => callerFor(ctx.database.db, null).conversation.list({}))).toBe("UNAUTHORIZED");
    expect(await outcome(() => api("repE1").conversation.get({ id: "nope" }))).toBe("BAD_REQUEST");
  });
});
