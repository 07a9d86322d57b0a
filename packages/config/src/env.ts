/* eslint-disable no-restricted-properties -- this file is the one reader of process.env */
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Set → postgres.js against that server; unset → embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: optional.pipe(z.url({ message: "DATABASE_URL must be a postgres:// URL" }).optional()),
  PGLITE_DIR: optional,
  /** `pnpm db:app-role` (run as the tables' owner): the password it gives pharmacrm_app, the role the app connects as. */
  APP_DATABASE_PASSWORD: optional.pipe(
    z.string().min(8, "APP_DATABASE_PASSWORD needs at least 8 characters").optional(),
  ),
  AUTH_SECRET: optional,
  /** Generic OIDC sign-in is offered only when all three are set. */
  AUTH_OIDC_ISSUER: optional.pipe(z.url().optional()),
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: optional,
  /** With DATABASE_URL: load the demo data set into an empty database on start ("1") or not ("0"). */
  SEED_DEMO: z
    .enum(["0", "1"], { message: "SEED_DEMO is 0 or 1" })
    .default("1")
    .transform((v) => v === "1"),
  /** Port of the production server started by `pnpm start`. */
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(3000)),
  /** Tests: the engine each test file's database runs on ("pglite", the default, or "postgres": `pnpm test:pg`). */
  TEST_DB_ENGINE: z.enum(["pglite", "postgres"], { message: "TEST_DB_ENGINE is pglite or postgres" }).default("pglite"),
  /** Tests on Postgres: a server (and database) where each test file gets its own database cloned from a template. */
  TEST_DATABASE_URL: optional.pipe(z.url({ message: "TEST_DATABASE_URL must be a postgres:// URL" }).optional()),
  /** Browser for the Playwright tests. */
  CHROMIUM_PATH: optional,
  DEMO_SCALE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  /** Inngest: with an event key (cloud) or INNGEST_DEV / INNGEST_BASE_URL (self-hosted server), jobs go to Inngest;
   *  without them the same functions run in-process. */
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_BASE_URL: optional.pipe(z.url({ message: "INNGEST_BASE_URL must be a URL" }).optional()),
  INNGEST_DEV: optional,
  /** Model provider: OpenAI with OPENAI_API_KEY, or any OpenAI-compatible server at OPENAI_BASE_URL (Ollama, vLLM,
   *  LM Studio, Azure). Neither → the built-in offline engine and lexical search. */
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.pipe(z.url({ message: "OPENAI_BASE_URL must be a URL" }).optional()),
  OPENAI_MODEL: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("gpt-4.1-mini")),
  EMBEDDING_MODEL: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("text-embedding-3-small")),
  /** The one server folder the app may import files from (paths are taken inside it; uploads and URL downloads
   *  land in it too). Default <workspace>/.data/imports. The CLI and the demo seed read their own files. */
  IMPORT_DIR: optional,
  /** Emails of platform operators: the people above every org who may load the shared reference data
   *  (comma-separated). `pnpm operator grant <email>` grants the same in the database. */
  PLATFORM_OPERATORS: optional.transform((v) =>
    (v ?? "")
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  ),
  /** Reverse proxies in front of the app that append the client address to X-Forwarded-For: a count of hops, or
   *  "true" for one. Unset: the header is not trusted (the sign-in throttle keys on the address Next.js saw). */
  TRUST_PROXY: optional.pipe(
    z
      .union([
        z.enum(["true", "false"]),
        z.string().regex(/^\d{1,2}$/, "TRUST_PROXY is true, false or a number of proxies"),
      ])
      .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)))
      .optional(),
  ),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated configuration, parsed once. Throws a readable list of what is wrong. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET);
}

/** Jobs go to an Inngest server (cloud or self-hosted) rather than running in-process. */
export function inngestConfigured(e: Env = env()): boolean {
  return Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV || e.INNGEST_BASE_URL);
}

/** A model provider (OpenAI or an OpenAI-compatible server) is configured. */
export function modelProviderConfigured(e: Env = env()): boolean {
  return Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
}
