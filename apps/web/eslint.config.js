import config from "@pharmacrm/config/eslint";

export default [...config, { ignores: [".next/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] }];
