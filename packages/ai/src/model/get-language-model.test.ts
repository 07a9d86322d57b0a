import { describe, expect, it } from "vitest";

import type { Env } from "@pharmacrm/config/env";

import { getLanguageModel } from "./get-language-model";

const base = { OPENAI_MODEL: "gpt-4.1-mini", EMBEDDING_MODEL: "text-embedding-3-small" } as Env;

describe("getLanguageModel", () => {
  it("uses the built-in offline engine when no provider is configured", () => {
    const chosen = getLanguageModel(base);
    expect(chosen).toMatchObject({ label: "Built-in (offline)", provider: "offline", modelId: "pharmacrm-offline-1" });
    expect(chosen.model.specificationVersion).toBe("v4");
  });

  it("uses OpenAI with an API key", () => {
    const chosen = getLanguageModel({ ...base, OPENAI_API_KEY: "sk-test" });
    expect(chosen).toMatchObject({ label: "gpt-4.1-mini", provider: "openai", modelId: "gpt-4.1-mini" });
    expect(chosen.model.provider).toMatch(/^openai/);
    expect(chosen.model.modelId).toBe("gpt-4.1-mini");
  });

  it("uses an OpenAI-compatible server at a base URL (Ollama, vLLM, LM Studio, Azure), with or without a key", () => {
    const local = getLanguageModel({ ...base, OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_MODEL: "llama3.1" });
    expect(local).toMatchObject({
      label: "llama3.1 (localhost:11434)",
      provider: "openai-compatible",
      modelId: "llama3.1",
    });
    expect(local.model.modelId).toBe("llama3.1");
    const azure = getLanguageModel({
      ...base,
      OPENAI_BASE_URL: "https://example.openai.azure.com/openai/v1",
      OPENAI_API_KEY: "key",
    });
    expect(azure.provider).toBe("openai-compatible");
  });
});
