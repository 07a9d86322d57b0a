// One-time password links as the forms and the procedures take them (no database imports: the screens use these).
import { z } from "zod";

import { plainText } from "../validation";

/** A link's token as issued: 32 random bytes, base64url. */
export const PASSWORD_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const MIN_PASSWORD_LENGTH = 12;

export const inviteUserInput = z
  .object({
    name: plainText("The name").min(1, "Enter the person's name.").max(120, "The name: at most 120 characters."),
    email: z
      .string({ message: "Enter an email address." })
      .trim()
      .toLowerCase()
      .pipe(z.email("Enter a valid email address.").max(320, "The email address is too long.")),
    role: z.enum(["rep", "manager", "admin"], { message: "Choose rep, manager or admin." }),
    regionId: z.uuid("Choose a region.").nullish(),
  })
  .refine((v) => v.role !== "manager" || Boolean(v.regionId), {
    message: "A manager needs a region.",
    path: ["regionId"],
  });

export const passwordLinkInput = z.object({ userId: z.uuid("Not a user id") });

/** A password a person chooses: long, not one repeated character, at most what a hash should take. */
const chosenPassword = z
  .string({ message: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.")
  .refine((p) => new Set(p).size > 3, "Use more than a few different characters.");

const typedTwice = (v: { password: string; confirm: string }) => v.password === v.confirm;
const typedTwiceMessage = { message: "The two passwords are not the same.", path: ["confirm"] };

export const newPasswordInput = z
  .object({
    token: z.string().regex(PASSWORD_TOKEN, "This link is not valid: copy the whole link you were sent."),
    password: chosenPassword,
    confirm: z.string(),
  })
  .refine(typedTwice, typedTwiceMessage);

/** A signed-in person's change of their own password. */
export const changePasswordInput = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200, "That is not your current password."),
    password: chosenPassword,
    confirm: z.string(),
  })
  .refine(typedTwice, typedTwiceMessage);
