export * from "./types";
export * from "./draft-outreach";
export * from "./compose";
