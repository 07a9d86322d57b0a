// The boundary rule, run on file names inside this repository so it reads the real package.json files.
import { fileURLToPath } from "node:url";
import { RuleTester } from "eslint";
import { describe, it } from "vitest";

import { boundariesPlugin } from "../eslint-boundaries.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const file = (path: string) => `${repo}${path}`;
const tester = new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });

tester.run("pharmacrm/boundaries", boundariesPlugin.rules.boundaries, {
  valid: [
    { filename: file("packages/api/src/routers/x.ts"), code: `import { hcpInReach } from "@pharmacrm/domain";` },
    { filename: file("packages/ai/src/x.test.ts"), code: `import { useWorld } from "@pharmacrm/domain/testing";` },
    {
      filename: file("packages/domain/src/hcp/x.ts"),
      code: `import { scope } from "../scope"; import { z } from "zod";`,
    },
    { filename: file("apps/web/src/app/page.tsx"), code: `import { appRouter } from "@pharmacrm/api";` },
    { filename: file("packages/db/src/x.ts"), code: `export { env } from "@pharmacrm/config/env";` },
  ],
  invalid: [
    {
      filename: file("packages/domain/src/x.ts"),
      code: `import { appRouter } from "@pharmacrm/api";`,
      errors: [{ message: /domain may not import @pharmacrm\/api/ }],
    },
    {
      filename: file("packages/db/src/x.ts"),
      code: `const m = await import("@pharmacrm/domain");`,
      errors: [{ message: /db may not import @pharmacrm\/domain/ }],
    },
    {
      filename: file("packages/jobs/src/x.ts"),
      code: `export * from "@pharmacrm/web";`,
      errors: [{ message: /jobs may not import @pharmacrm\/web/ }],
    },
    {
      filename: file("packages/ai/src/copilot/x.test.ts"),
      code: `import { useWorld } from "../../../api/src/testing/world";`,
      errors: [{ message: /reaches into another package's folder/ }],
    },
    {
      filename: file("packages/api/src/x.ts"),
      code: `import { signIn } from "@pharmacrm/auth";`,
      errors: [{ message: /@pharmacrm\/auth is imported but not declared in @pharmacrm\/api's package.json/ }],
    },
  ],
});
