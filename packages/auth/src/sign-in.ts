// Credential checks, kept apart from Auth.js so they can be tested without a request.
import { z } from "zod";
import type { Db } from "@pharmacrm/db";
import { findActiveUserByEmail } from "@pharmacrm/domain";
import { verifyPassword } from "./password";

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
  password: z.string().min(1, "Enter your password.").max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The user for valid credentials; null for unknown email, wrong password or a disabled account. */
export async function verifyCredentials(db: Db, raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const user = await findActiveUserByEmail(db, parsed.data.email);
  // Hash something even for unknown users so response time does not reveal which emails exist.
  const hash = user?.passwordHash ?? DUMMY_HASH;
  const ok = await verifyPassword(parsed.data.password, hash);
  return user && ok ? { id: user.userId, email: user.email, name: user.name } : null;
}

const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
