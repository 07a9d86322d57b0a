// The copilot on a real model provider: getLanguageModel() with OPENAI_BASE_URL, over HTTP, against a local server
// that speaks the OpenAI chat-completions protocol (streamed). No mock model is injected: the request the provider
// sends, the tool call it parses, the tool's execution and the final text all go through the production path.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Env } from "@pharmacrm/config/env";
import { callDraft, consentRecord, copilotTurn, interaction, task } from "@pharmacrm/db";
import { getCall, scopeFor } from "@pharmacrm/domain";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { getLanguageModel } from "../model/get-language-model";
import { answerAll, ask, readTurn, textOf } from "./headless";
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

/** Writes the scripted model asks for when the rep's message contains the cue. */
const SCRIPTED: Record<string, { name: string; input: Record<string, unknown> }> = {
  "with samples": {
    name: "logInteraction",
    input: {
      npi: NPIS.E1,
      channel: "phone",
      occurredAt: "2026-11-22",
      products: ["Alphacor"],
      samples: [{ product: "Alphacor", quantity: 3 }],
      notes: "Asked about renal dosing",
      followUp: "Bring the dosing guide",
      followUpDate: "2026-12-01",
    },
  },
  "email consent": {
    name: "recordConsent",
    input: { npi: NPIS.E1, channel: "email", product: "Alphacor", status: "granted", source: "Signed form" },
  },
};

/** The scripted model: asks for a tool on the rep's message, answers in text once a tool result comes back. */
function reply(body: ChatRequest): string {
  const last = body.messages.at(-1)!;
  if (last.role === "tool")
    return chunk({ role: "assistant", content: "Your brief is ready: see the card above." }, null) + chunk({}, "stop");
  const text = JSON.stringify(last.content);
  const scripted = Object.entries(SCRIPTED).find(([cue]) => text.includes(cue))?.[1];
  const call = scripted
    ? { name: scripted.name, arguments: JSON.stringify(scripted.input) }
    : text.includes("log")
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
      "queryAnalytics",
      "recordConsent",
      "repScorecard",
      "rescheduleTask",
      "searchPhysicians",
      "teamFocus",
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

  it("saves exactly the write input the model gave once the rep approves: a call with products and samples, consent", async () => {
    const db = ctx.database.db;
    const viewer = ctx.world.viewers.repE1;
    for (const [question, expected] of [
      ["log my call with samples", "logInteraction"],
      ["record email consent", "recordConsent"],
    ] as const) {
      const asked = await readTurn(
        runCopilotTurn({ db, viewer, model: compatible().model, now, request: ask(question) }),
      );
      expect(asked.toolCalls.map((c) => [c.name, c.state])).toEqual([[expected, "approval-requested"]]);
      // The card shows the stored input, which is the model's.
      expect(asked.toolCalls[0]!.input).toEqual(Object.values(SCRIPTED).find((s) => s.name === expected)!.input);
      await readTurn(
        runCopilotTurn({
          db,
          viewer,
          model: compatible().model,
          now,
          conversationId: asked.conversationId,
          request: answerAll(asked.responseMessage, true),
        }),
      );
    }
    // A phone call with samples breaks a submit rule (samples are handed over in person): it is kept as the rep's
    // draft, exactly as the model gave it, and its follow-up task waits for the submit.
    const [draft] = await db.select().from(callDraft).where(eq(callDraft.ownerId, viewer.userId));
    const call = await getCall(db, await scopeFor(db, viewer), { id: draft!.id });
    expect(call).toMatchObject({
      status: "draft",
      samples: [expect.objectContaining({ product: "Alphacor", quantity: 3 })],
    });
    expect(call.report).toMatchObject({
      channel: "phone",
      notes: "Asked about renal dosing",
      followUp: "Bring the dosing guide",
      followUpDate: "2026-12-01",
    });
    expect(await db.select().from(task).where(eq(task.title, "Bring the dosing guide"))).toEqual([]);
    const [consent] = await db.select().from(consentRecord).where(eq(consentRecord.source, "Signed form"));
    expect(consent).toMatchObject({ hcpNpi: NPIS.E1, channel: "email", status: "granted" });
    expect(consent!.productId).not.toBeNull();
  });
});
