// One context, two procedure kinds. The caller (an HTTP edge, a test) resolves the viewer; this
// package never reads cookies or env.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { Db } from "@pharmacrm/db";
import { DomainError, scopeFor, type Viewer } from "@pharmacrm/domain";

import { unstorableValueError } from "./input-guard";

export interface Context {
  db: Db;
  /** Null when signed out. Loaded from the database on every request: disabled users get null. */
  viewer: Viewer | null;
}

export const createContext = (context: Context): Context => context;

const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      message: internal ? GENERIC_MESSAGE : zod ? "Please correct the highlighted fields." : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Field messages a person can act on; never stacks, SQL or internal messages.
        fieldErrors: zod ? z.flattenError(zod).fieldErrors : null,
        formErrors: zod ? z.flattenError(zod).formErrors : null,
      },
    };
  },
});

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({
      code: result.error.cause.code,
      message: result.error.cause.message,
      cause: result.error.cause,
    });
  }
  if (!result.ok && result.error.cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid input", cause: result.error.cause });
  }
  return result;
});

// Runs before each procedure's own input schema, on whatever the client sent.
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const invalid = unstorableValueError(await getRawInput());
  if (invalid) throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid input", cause: invalid });
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors).use(storableInput);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const scope = await scopeFor(ctx.db, ctx.viewer);
  return next({ ctx: { db: ctx.db, viewer: ctx.viewer, scope } });
});
