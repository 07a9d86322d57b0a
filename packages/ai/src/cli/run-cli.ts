// pnpm copilot "<question>" --as <email> [--json] [--approve] [--conversation <id>]
// One copilot turn through the same runCopilotTurn as the chat: prints the answer, or with --json the tool calls,
// their results and the final text. Writes wait for approval: without --approve they are shown, not made.
import { parseArgs } from "node:util";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { getToolName, isToolUIPart } from "ai";

import type { Db } from "@pharmacrm/db";
import { DomainError, findActiveUserByEmail } from "@pharmacrm/domain";

import { answerAll, ask, readTurn, textOf, pendingWrites as waiting } from "../copilot/headless";
import { runCopilotTurn } from "../copilot/run-copilot-turn";
import type { CopilotUIMessage } from "../copilot/types";

export const USAGE = `Usage: pnpm copilot "<question>" --as <email> [--json] [--approve] [--conversation <uuid>]

  --as            the signed-in person (an active user's email); the copilot sees only what they may see
  --json          print the tool calls, their results and the final text as JSON
  --approve       approve the writes the answer asks for (log a call, create a task); without it nothing is written
  --conversation  continue (or create) the conversation with this id`;

export interface CliDeps {
  db: Db;
  out: (text: string) => void;
  model?: LanguageModelV4;
  now?: Date;
}

interface ToolReport {
  tool: string;
  input: unknown;
  state: string;
  output?: unknown;
  approval?: unknown;
}

function toolsOf(message: CopilotUIMessage): ToolReport[] {
  return message.parts.filter(isToolUIPart).map((part) => ({
    tool: getToolName(part),
    input: part.input,
    state: part.state,
    ...(part.state === "output-available" ? { output: part.output } : {}),
    ...(part.approval ? { approval: part.approval } : {}),
  }));
}

function pendingWrites(message: CopilotUIMessage): string[] {
  return waiting(message).map((part) => `- ${part.type.slice(5)} ${JSON.stringify(part.input)}`);
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((a) => a !== "--"),
      allowPositionals: true,
      options: {
        as: { type: "string" },
        json: { type: "boolean", default: false },
        approve: { type: "boolean", default: false },
        conversation: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    deps.out(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const question = positionals.join(" ").trim();
  if (values.help || !question || !values.as) {
    deps.out(
      values.help ? USAGE : `${!question ? "Ask a question." : "Say who is asking with --as <email>."}\n\n${USAGE}`,
    );
    return values.help ? 0 : 2;
  }
  const viewer = await findActiveUserByEmail(deps.db, values.as);
  if (!viewer) {
    deps.out(`No active user with the email ${values.as}.`);
    return 1;
  }
  const base = { db: deps.db, viewer, model: deps.model, now: deps.now };
  try {
    let out = await readTurn(runCopilotTurn({ ...base, conversationId: values.conversation, request: ask(question) }));
    // --approve answers the writes this very turn proposed, through the same single-use approvals as the chat.
    if (waiting(out.responseMessage).length > 0 && values.approve) {
      out = await readTurn(
        runCopilotTurn({ ...base, conversationId: out.conversationId, request: answerAll(out.responseMessage, true) }),
      );
    }
    const text = textOf(out.responseMessage);
    const pending = pendingWrites(out.responseMessage);
    const notice = pending.length
      ? `Approval required — this would be written:\n${pending.join("\n")}\nRun again with --approve to write it.`
      : "";
    if (values.json) {
      const report = {
        conversationId: out.conversationId,
        turnId: out.turnId,
        status: out.status,
        error: out.error,
        toolCalls: toolsOf(out.responseMessage),
        text,
        approvalRequired: pending.length > 0,
      };
      deps.out(JSON.stringify(report, null, 2));
    } else {
      deps.out([text, notice, out.error ? `Error: ${out.error}` : ""].filter(Boolean).join("\n\n"));
    }
    return out.status === "error" ? 1 : 0;
  } catch (error) {
    if (error instanceof DomainError) {
      deps.out(error.message);
      return 1;
    }
    throw error;
  }
}
