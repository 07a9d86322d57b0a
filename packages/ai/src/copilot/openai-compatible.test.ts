// The copilot on a real model provider: getLanguageModel() with OPENAI_BASE_URL, over HTTP, against a local server
// that speaks the OpenAI chat-completions protocol (streamed). No mock model is injected: the request the provider
// sends, the tool call it parses, the tool's execution and the final text all go through the production path.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Env } from "@pharmacrm/config/env";
import { copilotTurn, interaction } from "@pharmacrm/db";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { getLanguageModel } from "../model/get-language-model";
import { ask, readTurn, textOf } from "./headless";
import { runCopilotTurn } from "./run-copilot-turn";

const ctx = useWorld();
const now = new Date(2026, 10, 23, 10, 0);

interface ChatRequest {
  model: string;
  stream?: boolean;
  tools?: { function: { name: string } }[];
  messages: { role: string; content?: unknown }[];
}

const requests: ChatRequest[] = [];
let server: Server;
let baseURL: string;

const chunk = (delta: Record<string, unknown>, finish: string | null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1795000000, model: "llama3.1", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** The scripted model: asks for a tool on the rep's message, answers in text once a tool result comes back. */
function reply(body: ChatRequest): string {
  const last = body.messages.at(-1)!;
  if (last.role === "tool")
    return chunk({ role: "assistant", content: "Your brief is ready: see the card above." }, null) + chunk({}, "stop");
  const text = JSON.stringify(last.content);
  const call = text.includes("log")
    ? {
        name: "logInteraction",
        arguments: JSON.stringify({
          npi: NPIS.E1,
          channel: "in_person",
          occurredAt: "2026-11-23",
          notes: "renal dosing",
        }),
      }
    : { name: "prepareCallBrief", arguments: JSON.stringify({ npi: NPIS.E1 }) };
  return (
    chunk(
      { role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_1", type: "function", function: call }] },
      null,
    ) + chunk({}, "tool_calls")
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (part: Buffer) => (raw += part.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as ChatRequest;
      requests.push(body);
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`${reply(body)}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const compatible = () =>
  getLanguageModel({ OPENAI_MODEL: "llama3.1", EMBEDDING_MODEL: "nomic-embed-text", OPENAI_BASE_URL: baseURL } as Env);

describe("the copilot on an OpenAI-compatible server", () => {
  it("sends the tools, runs the call brief the model asks for within the rep's scope, streams its answer and records the model", async () => {
    const chosen = compatible();
    expect(chosen.label).toMatch(/^llama3\.1 \(127\.0\.0\.1:\d+\)$/);
    const viewer = ctx.world.viewers.repE1;
    const out = await readTurn(
      runCopilotTurn({
        db: ctx.database.db,
        viewer,
        model: chosen.model,
        now,
        request: ask("Prep me for my next call"),
      }),
    );

    expect(requests[0]!.stream).toBe(true);
    expect(requests[0]!.tools!.map((t) => t.function.name).sort()).toEqual([
      "completeTask",
      "createTask",
      "draftOutreach",
      "getPhysicianProfile",
      "listCalls",
      "listTasks",
      "logInteraction",
      "nextBestActions",
      "prepareCallBrief",
      "recordConsent",
      "rescheduleTask",
      "searchPhysicians",
      "updateAccount",
    ]);
    expect(out.toolCalls.map((c) => [c.name, c.state])).toEqual([["prepareCallBrief", "output-available"]]);
    // The tool's result went back to the model as a tool message, and its text is the answer.
    expect(requests[1]!.messages.at(-1)).toMatchObject({ role: "tool" });
    expect(JSON.stringify(requests[1]!.messages.at(-1)!.content)).toContain(NPIS.E1);
    expect(textOf(out.responseMessage)).toContain("Your brief is ready");
    const [record] = await ctx.database.db.select().from(copilotTurn).where(eq(copilotTurn.id, out.turnId));
    expect(record).toMatchObject({ provider: "openai-compatible.chat", modelId: "llama3.1", status: "finished" });
  });

  it("holds a write the model asks for until the rep approves it", async () => {
    const before = (await ctx.database.db.select().from(interaction)).length;
    const out = await readTurn(
      runCopilotTurn({
        db: ctx.database.db,
        viewer: ctx.world.viewers.repE1,
        model: compatible().model,
        now,
        request: ask("log my visit"),
      }),
    );
    expect(out.status).toBe("needs_approval");
    expect(out.toolCalls.map((c) => [c.name, c.state])).toEqual([["logInteraction", "approval-requested"]]);
    expect((await ctx.database.db.select().from(interaction)).length).toBe(before);
  });
});
