import { serve } from "inngest/next";

import { inngestConfigured } from "@pharmacrm/config/env";
import { functions, inngest } from "@pharmacrm/jobs";

// Without an Inngest server the same functions run inside the app (see @pharmacrm/jobs); nothing to serve then.
const embedded = () =>
  Response.json(
    {
      message:
        "Jobs run inside the app: no Inngest server is configured. Set INNGEST_DEV=1 (dev server) or INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to use Inngest.",
    },
    { status: 503 },
  );

export const { GET, POST, PUT } = inngestConfigured()
  ? serve({ client: inngest, functions })
  : { GET: embedded, POST: embedded, PUT: embedded };
