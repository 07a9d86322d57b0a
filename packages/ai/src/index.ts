// The model seam and what is built on it.
export * from "./embeddings";
export * from "./tools";
export { getLanguageModel, describeModel, type CopilotModel } from "./model/get-language-model";
export {
  createOfflineEngine,
  OFFLINE_LABEL,
  OFFLINE_MODEL_ID,
  OFFLINE_PROVIDER,
  type OfflineEngineOptions,
} from "./offline/engine";
export * from "./copilot";
