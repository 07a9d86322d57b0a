import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { task } from "@pharmacrm/db";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { createOfflineEngine } from "../offline/engine";
import { runCli } from "./run-cli";

const ctx = useWorld();
const now = new Date(2026, 10, 23, 10, 0);

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, {
    db: ctx.database.db,
    out: (t) => lines.push(t),
    model: createOfflineEngine({ now: () => now }),
    now,
  });
  return { code, output: lines.join("\n") };
}

const tasksTitled = async (title: string) =>
  (
    await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(task)
      .where(eq(task.title, title))
  )[0]!.n;

describe("pnpm copilot", () => {
  it("--json prints the tool calls, their results and the final text", async () => {
    const { code, output } = await cli(`prep me for my call with ${NPIS.E1}`, "--as", "repe1@test.example", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(output);
    expect(report).toMatchObject({ status: "finished", approvalRequired: false, error: null });
    expect(report.toolCalls).toEqual([
      expect.objectContaining({
        tool: "prepareCallBrief",
        input: { npi: NPIS.E1 },
        state: "output-available",
        output: expect.objectContaining({ status: "ok" }),
      }),
    ]);
    expect(report.text).toContain("**Call brief: [First0 Hcpe1, MD]");
  });

  it("shows a write and asks for --approve; with it, writes", async () => {
    const ask = await cli("add a task to order brochures", "--as", "repe1@test.example");
    expect(ask.output).toContain(
      'Approval required — this would be written:\n- createTask {"title":"Order brochures"}\nRun again with --approve to write it.',
    );
    expect(await tasksTitled("Order brochures")).toBe(0);

    const approved = await cli("add a task to order brochures", "--as", "repe1@test.example", "--approve");
    expect(approved).toEqual({ code: 0, output: "Task “Order brochures” created." });
    expect(await tasksTitled("Order brochures")).toBe(1);
  });

  it("needs a question and an active user", async () => {
    expect((await cli("help")).output).toMatch(/^Say who is asking with --as <email>\./);
    expect(await cli("help", "--as", "nobody@test.example")).toEqual({
      code: 1,
      output: "No active user with the email nobody@test.example.",
    });
  });
});
