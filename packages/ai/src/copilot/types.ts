// The copilot's UI message type, inferred from its tools so the chat renders typed tool parts.
import type { InferUITools, UIDataTypes, UIMessage } from "ai";

import type { CopilotTools } from "../tools";

export type CopilotUIMessage = UIMessage<unknown, UIDataTypes, InferUITools<CopilotTools>>;
