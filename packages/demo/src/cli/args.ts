// Command-line flags shared by the demo CLIs.
import { parseArgs } from "node:util";
import { z } from "zod";

const flags = z.object({
  scale: z.coerce.number().int().positive().optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
  workDir: z.string().min(1).optional(),
  keep: z.boolean().optional(),
});

export type CliFlags = z.infer<typeof flags>;

export function parseCliFlags(argv: readonly string[] = process.argv.slice(2)): CliFlags {
  const { values } = parseArgs({
    // `pnpm <script> -- --scale 5000` may forward the separator itself.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      scale: { type: "string" },
      seed: { type: "string" },
      "work-dir": { type: "string" },
      keep: { type: "boolean" },
    },
  });
  return flags.parse({ scale: values.scale, seed: values.seed, workDir: values["work-dir"], keep: values.keep });
}
