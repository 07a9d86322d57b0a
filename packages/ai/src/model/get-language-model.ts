// The chat half of the model seam: OpenAI (OPENAI_API_KEY), any OpenAI-compatible server (OPENAI_BASE_URL: Ollama,
// vLLM, LM Studio, Azure) or, with neither, the built-in offline engine. The label is what the UI shows; provider
// and model id go into the copilot_turn audit record.
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";

import { env, type Env } from "@pharmacrm/config/env";

import { createOfflineEngine, OFFLINE_LABEL, OFFLINE_MODEL_ID, OFFLINE_PROVIDER } from "../offline/engine";

export interface CopilotModel {
  model: LanguageModelV4;
  /** Shown to the user, e.g. "Built-in (offline)" or "gpt-4.1-mini". */
  label: string;
  /** Audit: "openai", "openai-compatible" or "offline". */
  provider: string;
  /** Audit: the configured model id (the provider may report a dated version per response). */
  modelId: string;
}

export function getLanguageModel(e: Env = env()): CopilotModel {
  if (e.OPENAI_BASE_URL) {
    const host = new URL(e.OPENAI_BASE_URL).host;
    // Local servers accept any key; Azure and hosted gateways need the real one.
    const provider = createOpenAICompatible({
      name: "openai-compatible",
      baseURL: e.OPENAI_BASE_URL,
      apiKey: e.OPENAI_API_KEY,
    });
    return {
      model: provider.chatModel(e.OPENAI_MODEL),
      label: `${e.OPENAI_MODEL} (${host})`,
      provider: "openai-compatible",
      modelId: e.OPENAI_MODEL,
    };
  }
  if (e.OPENAI_API_KEY) {
    const provider = createOpenAI({ apiKey: e.OPENAI_API_KEY });
    return { model: provider(e.OPENAI_MODEL), label: e.OPENAI_MODEL, provider: "openai", modelId: e.OPENAI_MODEL };
  }
  return { model: createOfflineEngine(), label: OFFLINE_LABEL, provider: OFFLINE_PROVIDER, modelId: OFFLINE_MODEL_ID };
}

/** A model given explicitly (tests inject the SDK's mock), described for the audit record. */
export function describeModel(model: LanguageModelV4): CopilotModel {
  if (model.provider === OFFLINE_PROVIDER)
    return { model, label: OFFLINE_LABEL, provider: OFFLINE_PROVIDER, modelId: model.modelId };
  return { model, label: model.modelId, provider: model.provider, modelId: model.modelId };
}
