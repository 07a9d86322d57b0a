// Entry of the chunk worker when running from TypeScript sources: worker threads do not inherit tsx's loader, so
// register it here (plain JS) before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./prepare-worker.ts");
