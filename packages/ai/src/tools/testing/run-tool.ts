// Runs a copilot tool the way the SDK does: the input validated by the tool's own schema, then executed. An input
// the schema refuses throws the schema's error (a ZodError for our tools).
import { asSchema, type InferToolInput, type InferToolOutput, type Tool } from "ai";

export async function runTool<T extends Tool>(tool: T, input: Partial<InferToolInput<T>>): Promise<InferToolOutput<T>> {
  if (!tool.execute) throw new Error("This tool has no execute function.");
  const checked = await asSchema(tool.inputSchema).validate!(input);
  if (!checked.success) throw checked.error;
  return (await tool.execute(checked.value as InferToolInput<T>, {
    toolCallId: "test-call",
    messages: [],
    context: {},
  })) as InferToolOutput<T>;
}
