// The write gate: a write tool runs only for an approval the server claimed, and then only with the stored input.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { task } from "@pharmacrm/db";
import { useWorld } from "@pharmacrm/domain/testing";

import { createCopilotTools } from "../tools";
import { gateWrites, type ClaimedAction } from "./pending-actions";

const ctx = useWorld();
const now = new Date("2026-11-23T10:00:00Z");
const options = (toolCallId: string) => ({ toolCallId, messages: [], context: {} });

describe("gateWrites", () => {
  it("runs a write tool only for a claimed approval, with the stored input whatever the call carries", async () => {
    const viewer = ctx.world.viewers.repE1;
    const tools = gateWrites(ctx.database.db, createCopilotTools({ db: ctx.database.db, viewer, now }), [], () => now);
    expect(await tools.createTask.execute!({ title: "Unapproved task" }, options("call-1"))).toEqual({
      status: "invalid",
      message: "This write was not approved in this conversation, so nothing was written.",
    });
    expect(await ctx.database.db.select().from(task).where(eq(task.title, "Unapproved task"))).toEqual([]);

    // A claimed approval (the row itself is not in the table: its status update simply finds nothing).
    const claimed = {
      id: randomUUID(),
      toolName: "createTask",
      toolCallId: "call-2",
      status: "approved",
      input: { title: "Stored task" },
    } as ClaimedAction;
    const gated = gateWrites(
      ctx.database.db,
      createCopilotTools({ db: ctx.database.db, viewer, now }),
      [claimed],
      () => now,
    );
    expect(await gated.createTask.execute!({ title: "Swapped task" }, options("call-2"))).toMatchObject({
      status: "created",
      task: { title: "Stored task" },
    });
    expect(
      await gated.logInteraction.execute!(
        { npi: "1000000001", channel: "in_person", occurredAt: "2026-11-23", products: [], samples: [] },
        options("call-2"),
      ),
    ).toMatchObject({
      status: "invalid",
    });
    expect(await ctx.database.db.select().from(task).where(eq(task.title, "Swapped task"))).toEqual([]);
    // Read tools are not gated.
    expect(await gated.nextBestActions.execute!({ limit: 1 }, options("call-3"))).toMatchObject({ status: "ok" });
  });
});
