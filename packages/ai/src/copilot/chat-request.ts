// What the chat endpoint accepts — one of: the person's new message (optionally replacing one of theirs, to edit and
// resend), their answers to the writes waiting for approval, or a request to answer the last question again. Never
// the transcript: the server holds it. Bodies are capped (64 KB), as is the text of each part (4,000 characters);
// only text parts are accepted from a client.
import { z } from "zod";

import { controlCharacterMessage, hasControlCharacter, plainText } from "@pharmacrm/domain";

import type { ApprovalAnswer } from "./pending-actions";

export const MAX_TEXT_LENGTH = 4000;
export const MAX_REQUEST_BYTES = 64 * 1024;
const MAX_PARTS = 4;
const MAX_REASON_LENGTH = 500;

const text = (label: string, maxLength: number) =>
  plainText(label).max(maxLength, `${label} is at most ${maxLength.toLocaleString("en-US")} characters.`);

const messageId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "A message id is 1 to 64 letters, digits, '-' or '_'.");

const textPart = z.strictObject(
  {
    type: z.literal("text", {
      message: "Only text can be sent to the copilot; tool calls and answers come from the server.",
    }),
    text: text("A message", MAX_TEXT_LENGTH).pipe(z.string().min(1, "Write a message.")),
  },
  { message: 'A message part is { type: "text", text }.' },
);

/** The person's message: its text, or a UI message with text parts (what the chat sends). */
const newMessage = z.preprocess(
  (value) => (typeof value === "string" ? { parts: [{ type: "text", text: value }] } : value),
  z.strictObject(
    {
      id: messageId.optional(),
      role: z
        .literal("user", {
          message: "Only your own messages can be sent; the copilot's answers are written by the server.",
        })
        .optional(),
      parts: z.array(textPart).min(1, "Write a message.").max(MAX_PARTS, `A message has at most ${MAX_PARTS} parts.`),
    },
    { message: 'A message is its text, or { id, parts: [{ type: "text", text }] }.' },
  ),
);

const approvalAnswer = z
  .strictObject(
    {
      actionId: z.uuid({ message: "An action id is a UUID." }).optional(),
      // Matched exactly against the stored id (so not trimmed), but never with a NUL, which the database refuses.
      toolCallId: z
        .string()
        .min(1)
        .max(128, "A tool call id is at most 128 characters.")
        .refine((value) => !hasControlCharacter(value), controlCharacterMessage("A tool call id"))
        .optional(),
      approved: z.boolean({ message: "Say whether the write is approved: approved: true or false." }),
      reason: text("The reason", MAX_REASON_LENGTH).optional(),
      // The write as the person corrected it on the card; the server checks it with the tool's own schema.
      input: z
        .record(z.string(), z.unknown(), { message: "The corrected write is an object of its fields." })
        .optional(),
    },
    { message: "An approval is { toolCallId or actionId, approved, reason?, input? }." },
  )
  .refine(
    (a) => (a.actionId === undefined) !== (a.toolCallId === undefined),
    "Name the write by its actionId or its toolCallId (one of them).",
  );

const body = z.strictObject(
  {
    id: z.uuid({ message: "The conversation id must be a UUID." }),
    message: newMessage.optional(),
    replaceFrom: messageId.optional(),
    regenerate: z.literal(true, { message: "regenerate is true when present." }).optional(),
    approval: approvalAnswer.optional(),
    approvals: z
      .array(approvalAnswer)
      .min(1, "Send at least one approval.")
      .max(8, "Send at most 8 approvals.")
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "Unexpected field. Send { id, message }, { id, approvals }, or { id, regenerate: true }: the server keeps the conversation."
        : "The request is { id, message }, { id, approvals } or { id, regenerate: true }.",
  },
);

export type CopilotTurnRequest =
  | { kind: "message"; message: { id?: string; parts: { type: "text"; text: string }[] }; replaceFrom?: string }
  | { kind: "regenerate" }
  | { kind: "approvals"; approvals: ApprovalAnswer[] };

export const chatRequest = body.transform((b, ctx): { id: string; turn: CopilotTurnRequest } => {
  const approvals = [...(b.approval ? [b.approval] : []), ...(b.approvals ?? [])];
  const kinds = [
    b.message ? "message" : null,
    b.regenerate ? "regenerate" : null,
    approvals.length > 0 ? "approvals" : null,
  ].filter(Boolean);
  if (kinds.length !== 1) {
    ctx.addIssue({ code: "custom", message: "Send one thing: a message, your approvals, or regenerate: true." });
    return z.NEVER;
  }
  if (b.replaceFrom && !b.message) {
    ctx.addIssue({ code: "custom", message: "replaceFrom comes with the message that replaces it." });
    return z.NEVER;
  }
  if (b.message)
    return {
      id: b.id,
      turn: {
        kind: "message",
        message: { id: b.message.id, parts: b.message.parts },
        ...(b.replaceFrom ? { replaceFrom: b.replaceFrom } : {}),
      },
    };
  if (b.regenerate) return { id: b.id, turn: { kind: "regenerate" } };
  return { id: b.id, turn: { kind: "approvals", approvals } };
});

export type ChatRequest = z.output<typeof chatRequest>;

export type ReadChatRequest =
  { ok: true; request: ChatRequest } | { ok: false; status: 400 | 413 | 415; message: string };

const tooLarge = {
  ok: false,
  status: 413,
  message: `The request is too large (at most ${MAX_REQUEST_BYTES / 1024} KB). Send only the new message.`,
} as const;

/** Reads at most MAX_REQUEST_BYTES of the body, however it is sent (Content-Length is a hint, not a promise). */
async function boundedText(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_REQUEST_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The chat request from an HTTP request, or the status and a sentence saying what to fix. */
export async function readChatRequest(request: Request): Promise<ReadChatRequest> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim()))
    return { ok: false, status: 415, message: "Send the request as JSON (Content-Type: application/json)." };
  const raw = await boundedText(request);
  if (raw === null) return tooLarge;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, message: "The request body must be JSON: { id, message }." };
  }
  const parsed = chatRequest.safeParse(json);
  if (!parsed.success)
    return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? "Please check the request." };
  return { ok: true, request: parsed.data };
}
