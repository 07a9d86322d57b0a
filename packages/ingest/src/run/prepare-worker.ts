// Worker thread: reads a run's file from its checkpoint and prepares chunks ahead of the writer (chunk-source.ts).
import { parentPort, workerData } from "node:worker_threads";

import { type WorkerInput, type WorkerMessage } from "./chunk-source";
import { Cursor } from "./cursor";
import { prepareChunk } from "./prepare";
import { openSession } from "./session";

const { input, ahead } = workerData as { input: WorkerInput; ahead: number };
const port = parentPort!;
let credits = ahead;
let wake: (() => void) | undefined;
port.on("message", () => {
  credits++;
  wake?.();
});
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const session = openSession(input.dataset, input.header, input.file, input.dataYear);
  const cursor = new Cursor(input.file, input.start, input.line);
  for (;;) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    const records = await cursor.take(input.rows);
    if (records.length === 0) break;
    const chunk = prepareChunk(session, records, input.format);
    credits--;
    post({ type: "chunk", chunk });
  }
  post({ type: "end" });
  await cursor.close();
} catch (error) {
  post({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
port.close();
