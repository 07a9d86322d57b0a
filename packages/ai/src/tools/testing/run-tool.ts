// Runs a copilot tool the way the SDK does: the input validated by the tool's own schema, then executed.
import type { InferToolInput, InferToolOutput, Tool } from "ai";
import type { z } from "zod";

export async function runTool<T extends Tool>(tool: T, input: Partial<InferToolInput<T>>): Promise<InferToolOutput<T>> {
  if (!tool.execute) throw new Error("This tool has no execute function.");
  const parsed = (tool.inputSchema as z.ZodType<InferToolInput<T>>).parse(input);
  return (await tool.execute(parsed, { toolCallId: "test-call", messages: [], context: {} })) as InferToolOutput<T>;
}
