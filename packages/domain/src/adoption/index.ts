export * from "./board";
export * from "./input";
