// On server start: imports a restart interrupted continue from their checkpoint (embedded mode; with an Inngest
// server, Inngest retries its own functions).
export async function register() {
  // Next replaces this literal at build time, so the Node-only module never enters the edge bundle; env() cannot.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
