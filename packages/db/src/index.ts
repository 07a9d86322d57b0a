export * from "./client";
export * as schema from "./schema";
export * from "./schema";
export * from "./rows";
export * from "./ranked-totals";
export * from "./relation-owner";
export * from "./server-databases";
