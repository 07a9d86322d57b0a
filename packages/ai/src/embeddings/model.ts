// The embeddings half of the model seam: OpenAI (OPENAI_API_KEY) or any OpenAI-compatible server
// (OPENAI_BASE_URL: Ollama, vLLM, LM Studio, Azure) with EMBEDDING_MODEL; null when neither is configured,
// and the search stays lexical + structured.
import { createOpenAI } from "@ai-sdk/openai";
import type { EmbeddingModel } from "ai";

import { env, modelProviderConfigured, type Env } from "@pharmacrm/config/env";

export interface HcpEmbeddingModel {
  model: EmbeddingModel;
  /** Stored beside each vector; a different id means the vector is re-embedded. */
  id: string;
}

export function getEmbeddingModel(e: Env = env()): HcpEmbeddingModel | null {
  if (!modelProviderConfigured(e)) return null;
  // Local OpenAI-compatible servers accept any key; the SDK insists on one.
  const provider = createOpenAI({ apiKey: e.OPENAI_API_KEY ?? "not-needed", baseURL: e.OPENAI_BASE_URL });
  return { model: provider.embedding(e.EMBEDDING_MODEL), id: e.EMBEDDING_MODEL };
}
