// Re-embed HCP profiles that have no vector, a vector from another model, or a vector of text that has since
// changed. Idempotent (a second run embeds nothing) and resumable (pass the last NPI a run reported).
import { createHash } from "node:crypto";
import { embed, embedMany } from "ai";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";

import { hcp, hcpEmbedding, type Db } from "@pharmacrm/db";
import { padEmbedding, type QueryVector } from "@pharmacrm/domain";

import type { HcpEmbeddingModel } from "./model";
import { hcpProfileTexts } from "./profile-text";

export interface EmbedProfilesOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /** Continue after this NPI (a previous run's `lastNpi`). */
  afterNpi?: string;
  /** Stop after this many batches (a job step does one slice, then checkpoints). */
  maxBatches?: number;
}

export interface EmbedProfilesProgress {
  checked: number;
  embedded: number;
  /** The last NPI looked at; null when the run reached the end. */
  lastNpi: string | null;
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

export async function embedHcpProfiles(
  db: Db,
  embedding: HcpEmbeddingModel,
  options: EmbedProfilesOptions = {},
): Promise<EmbedProfilesProgress> {
  const batchSize = options.batchSize ?? 100;
  const progress: EmbedProfilesProgress = { checked: 0, embedded: 0, lastNpi: options.afterNpi ?? null };
  for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
    options.signal?.throwIfAborted();
    const npis = await db
      .select({ npi: hcp.npi })
      .from(hcp)
      .where(
        and(
          eq(hcp.entityType, 1),
          isNull(hcp.deactivationDate),
          progress.lastNpi ? gt(hcp.npi, progress.lastNpi) : undefined,
        ),
      )
      .orderBy(asc(hcp.npi))
      .limit(batchSize);
    if (npis.length === 0) return { ...progress, lastNpi: null };
    const texts = await hcpProfileTexts(
      db,
      npis.map((n) => n.npi),
    );
    const current = await db
      .select({ npi: hcpEmbedding.npi, model: hcpEmbedding.model, textHash: hcpEmbedding.textHash })
      .from(hcpEmbedding)
      .where(
        inArray(
          hcpEmbedding.npi,
          texts.map((t) => t.npi),
        ),
      );
    const stored = new Map(current.map((c) => [c.npi, c]));
    const stale = texts
      .map((t) => ({ ...t, textHash: hash(t.text) }))
      .filter((t) => {
        const s = stored.get(t.npi);
        return !s || s.model !== embedding.id || s.textHash !== t.textHash;
      });
    if (stale.length > 0) {
      const { embeddings } = await embedMany({
        model: embedding.model,
        values: stale.map((s) => s.text),
        abortSignal: options.signal,
      });
      const values = stale.map((s, i) => ({
        npi: s.npi,
        model: embedding.id,
        dimensions: embeddings[i]!.length,
        textHash: s.textHash,
        embedding: padEmbedding(embeddings[i]!),
      }));
      await db
        .insert(hcpEmbedding)
        .values(values)
        .onConflictDoUpdate({
          target: hcpEmbedding.npi,
          set: {
            model: sql`excluded.model`,
            dimensions: sql`excluded.dimensions`,
            textHash: sql`excluded.text_hash`,
            embedding: sql`excluded.embedding`,
            embeddedAt: sql`now()`,
          },
        });
    }
    progress.checked += npis.length;
    progress.embedded += stale.length;
    progress.lastNpi = npis.at(-1)!.npi;
    if (npis.length < batchSize) return { ...progress, lastNpi: null };
  }
  return progress;
}

/** How many active HCPs lack a vector from this model: what a re-embed job has left to do. */
export async function hcpProfilesWithoutVector(db: Db, modelId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(hcp)
    .leftJoin(hcpEmbedding, and(eq(hcpEmbedding.npi, hcp.npi), eq(hcpEmbedding.model, modelId)))
    .where(and(eq(hcp.entityType, 1), isNull(hcp.deactivationDate), isNull(hcpEmbedding.npi)));
  return row?.count ?? 0;
}

/** The search's query embedder for this model (the semantic part of physician search). */
export function queryEmbedder(embedding: HcpEmbeddingModel | null) {
  if (!embedding) return undefined;
  return async (text: string): Promise<QueryVector> => {
    const { embedding: vector } = await embed({ model: embedding.model, value: text });
    return { vector, model: embedding.id };
  };
}
