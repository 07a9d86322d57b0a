// Zod compiles fast object parsers with `new Function`, after probing whether eval is allowed. Under the pages'
// Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation, so the browser parses without
// it. The server keeps the compiled parsers: it has no CSP, and one process serves the API too.
// Set through zod's core (one global config every zod entry reads), so the root layout does not ship all of zod.
import { config } from "zod/v4/core";

if (typeof window !== "undefined") config({ jitless: true });
