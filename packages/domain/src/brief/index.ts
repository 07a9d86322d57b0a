export * from "./types";
export * from "../hcp/in-reach";
export * from "./prepare-call-brief";
