// A deterministic embedding model for tests, from the AI SDK's test helpers: one axis per topic word, so which
// profile is nearest a query is predictable. Tests inject it through the model seam's HcpEmbeddingModel.
import { MockEmbeddingModelV4 } from "ai/test";

import type { HcpEmbeddingModel } from "./model";

export const TOPIC_AXES = ["cardio", "eliquis", "derm", "skin", "pfizer", "boston", "new york", "family"] as const;

export const topicVector = (text: string): number[] =>
  TOPIC_AXES.map((word) => (text.toLowerCase().includes(word) ? 1 : 0) + 0.01);

/**
 * A mock model with this id; `calls` counts the texts it was asked to embed. `beforeEmbed`, when given, is awaited
 * before each call (a test holds a job mid-run with it).
 */
export function mockEmbeddingModel(
  modelId: string,
  beforeEmbed?: () => Promise<void>,
): HcpEmbeddingModel & { calls: { texts: number } } {
  const calls = { texts: 0 };
  const model = new MockEmbeddingModelV4({
    modelId,
    maxEmbeddingsPerCall: 100,
    doEmbed: async ({ values }) => {
      await beforeEmbed?.();
      calls.texts += values.length;
      return { embeddings: values.map((v) => topicVector(String(v))), warnings: [] };
    },
  });
  return { model, id: modelId, calls };
}
