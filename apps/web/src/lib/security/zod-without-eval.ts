// Zod compiles fast object parsers with `new Function`, after probing whether eval is allowed. Under the pages'
// Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation, so the browser parses without
// it. The server keeps the compiled parsers: it has no CSP, and one process serves the API too.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
