export * from "./admin";
export * from "./alignment";
export * from "./input";
