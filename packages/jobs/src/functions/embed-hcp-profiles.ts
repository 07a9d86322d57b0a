// Keeps the HCP profile vectors current: embeds, slice by slice (one step each), every active HCP whose profile has
// no vector from the configured model or whose text changed since it was embedded. A changed EMBEDDING_MODEL
// therefore re-embeds every profile. Asked for after each NPPES, Part D and Open Payments import, and daily (a
// safety net for changes no import announced). Without an embedding model it does nothing and says why.
import { NonRetriableError } from "inngest";

import { embedHcpProfiles, getEmbeddingModel } from "@pharmacrm/ai";
import { getDb } from "@pharmacrm/db";

import { embedRequestSchema, hcpProfilesEmbedRequested, type EmbedRequest } from "../events";
import { inngestFunction, type JobContext, type JobDefinition, type JobOptions } from "./job";

/** Profiles per embedding call, and calls per step: a step embeds up to 1,000 profiles. */
export const EMBED_BATCH_SIZE = 100;
export const EMBED_BATCHES_PER_STEP = 10;
/** Inngest allows 1,000 steps per run; a longer job continues in a fresh run from where this one stopped. */
export const EMBED_STEPS_PER_RUN = 500;

export const NO_EMBEDDING_MODEL =
  "No embedding model is configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server, and EMBEDDING_MODEL): HCP profiles are not embedded and search stays lexical + structured.";

export type EmbedProfilesResult =
  | { status: "skipped"; reason: string }
  | {
      status: "done" | "continued";
      model: string;
      steps: number;
      checked: number;
      embedded: number;
      afterNpi: string | null;
    };

export interface EmbedFunctionOptions extends JobOptions {
  batchSize?: number;
  batchesPerStep?: number;
  stepsPerRun?: number;
}

/** The handler, shared by the Inngest function and the in-process runner. */
export function embedHcpProfilesHandler(options: EmbedFunctionOptions = {}) {
  const { database = getDb, embeddingModel = () => getEmbeddingModel(), batchSize = EMBED_BATCH_SIZE } = options;
  const { batchesPerStep = EMBED_BATCHES_PER_STEP, stepsPerRun = EMBED_STEPS_PER_RUN } = options;
  return async ({ event, step, logger }: JobContext): Promise<EmbedProfilesResult> => {
    const model = embeddingModel();
    if (!model) {
      logger.info(`embed-hcp-profiles skipped: ${NO_EMBEDDING_MODEL}`);
      return { status: "skipped", reason: NO_EMBEDDING_MODEL };
    }
    // A cron run's event is Inngest's timer event, whose data is not ours: it starts from the first NPI.
    const parsed = embedRequestSchema.safeParse(event.data ?? {});
    if (!parsed.success)
      throw new NonRetriableError(`Not an embedding request: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const result = { model: model.id, steps: 0, checked: 0, embedded: 0, afterNpi: parsed.data.afterNpi ?? null };
    while (result.steps < stepsPerRun) {
      const afterNpi = result.afterNpi ?? undefined;
      const slice = await step.run(`embed-${++result.steps}`, async () =>
        embedHcpProfiles(await database(), model, { batchSize, maxBatches: batchesPerStep, afterNpi }),
      );
      result.checked += slice.checked;
      result.embedded += slice.embedded;
      result.afterNpi = slice.lastNpi;
      if (slice.lastNpi === null) return { status: "done", ...result };
    }
    await step.sendEvent("continue", {
      name: hcpProfilesEmbedRequested.name,
      data: { reason: "continuing a long run", afterNpi: result.afterNpi },
    });
    return { status: "continued", ...result };
  };
}

export const embedHcpProfilesJob: JobDefinition<EmbedRequest, EmbedProfilesResult, EmbedFunctionOptions> = {
  id: "embed-hcp-profiles",
  name: "Embed HCP profiles for semantic search",
  event: hcpProfilesEmbedRequested.name,
  cron: "TZ=UTC 30 3 * * *",
  schema: embedRequestSchema,
  // One at a time: two runs would embed the same profiles twice.
  concurrency: { of: () => "embed-hcp-profiles" },
  retries: 3,
  // Ten imports in a row need one catch-up run after the current one, not ten.
  coalesce: true,
  label: (data) => data.reason ?? "on request",
  summary: (result) =>
    result.status === "skipped"
      ? "skipped: no embedding model"
      : `${result.embedded} of ${result.checked} profiles embedded with ${result.model}${result.status === "continued" ? `, continuing after NPI ${result.afterNpi}` : ""}`,
  handler: embedHcpProfilesHandler,
};

export const defineEmbedHcpProfiles = (options: EmbedFunctionOptions = {}) =>
  inngestFunction(embedHcpProfilesJob, options);
