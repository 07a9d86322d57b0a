// AUTH_SECRET signs session tokens. In the embedded (no DATABASE_URL) mode we make one on first use and
// keep it in the git-ignored data folder, so `pnpm start` works on a fresh clone; server mode must set it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";

export function authSecret(): string {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (DATABASE_URL)
    throw new Error("AUTH_SECRET must be set when DATABASE_URL is set (e.g. `openssl rand -base64 32`).");
  const file = join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
