// The model seam and what is built on it.
export * from "./embeddings";
export * from "./tools";
