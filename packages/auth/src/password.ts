// Passwords are hashed with scrypt (memory-hard KDF from node:crypto), stored as a self-describing string.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import pLimit from "p-limit";

const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

// Each derivation takes 32 MiB and a core for a moment: a burst of sign-ins (or an attacker's) queues here rather
// than exhausting the server's memory. The throttle keeps most bad attempts from getting this far at all.
const MAX_CONCURRENT_DERIVATIONS = 4;
const derivations = pLimit(MAX_CONCURRENT_DERIVATIONS);

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return derivations(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** Derivations running and waiting (for tests and diagnostics). */
export const passwordHashLoad = () => ({
  running: derivations.activeCount,
  waiting: derivations.pendingCount,
  limit: MAX_CONCURRENT_DERIVATIONS,
});

/** Returns `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
