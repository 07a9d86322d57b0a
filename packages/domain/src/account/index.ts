export * from "./throttle-keys";
export * from "./sessions";
export * from "./second-factor-policy";
export * from "./users";
export * from "./territory-assignments";
export * from "./password-links";
export * from "./password-link-input";
