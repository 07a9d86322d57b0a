export * from "./types";
export * from "./draft-outreach";
