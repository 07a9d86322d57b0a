export * from "./model";
export * from "./profile-text";
export * from "./embed-profiles";
