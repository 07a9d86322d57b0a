// @pharmacrm/demo: deterministic CMS-format demo data, its loader, and the two demo tenants.
export {
  seedDemo,
  AlreadySeededError,
  DEFAULT_REFERENCE_DATE,
  DEFAULT_SCALE,
  DEFAULT_SEED,
  defaultWorkDir,
  type SeedOptions,
  type SeedSummary,
  type SeededFile,
} from "./seed";
export { isSeeded, DEMO_PASSWORD, demoSignIns, type DemoSignIn } from "./tenants";
