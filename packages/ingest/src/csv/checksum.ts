import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 of the files' bytes in order, streamed: identifies a run's input. */
export async function sha256Files(...files: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}
