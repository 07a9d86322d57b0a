// The one Inngest client. Keys and the server URL come from the validated env; without them the client is only
// used to define functions, and the in-process runner (runner/) executes them.
import { Inngest } from "inngest";

import { env } from "@pharmacrm/config/env";

const config = env();

export const inngest = new Inngest({
  id: "pharmacrm",
  eventKey: config.INNGEST_EVENT_KEY,
  baseUrl: config.INNGEST_BASE_URL,
  signingKey: config.INNGEST_SIGNING_KEY,
  isDev: config.INNGEST_DEV ? config.INNGEST_DEV !== "0" : undefined,
});
