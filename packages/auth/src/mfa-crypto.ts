// Keys for the second factor: TOTP secrets are encrypted at rest (AES-256-GCM) and recovery codes are kept as keyed
// hashes (HMAC-SHA-256), both under keys derived from AUTH_SECRET. Rotating AUTH_SECRET therefore voids enrolled
// authenticators and recovery codes (everyone re-enrols), as it already voids every session.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";

import { authSecret } from "./secret";

export interface MfaKeys {
  encryption: Buffer;
  hashing: Buffer;
}

export function deriveMfaKeys(secret: string): MfaKeys {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "pharmacrm-mfa", info, 32));
  return { encryption: derive("totp-secret-v1"), hashing: derive("recovery-code-v1") };
}

let cached: MfaKeys | undefined;
export const mfaKeys = (): MfaKeys => (cached ??= deriveMfaKeys(authSecret()));

/** `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptSecret(plain: string, keys: MfaKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string, keys: MfaKeys): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unreadable authenticator secret");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryption, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

// No 0/o, 1/i/l: codes are read off paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A recovery code as shown once: `xxxxx-xxxxx` (about 49 bits). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");

export const hashRecoveryCode = (code: string, keys: MfaKeys): string =>
  createHmac("sha256", keys.hashing).update(normaliseRecoveryCode(code)).digest("base64url");
