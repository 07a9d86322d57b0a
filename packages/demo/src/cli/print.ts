// Human-readable output for the CLIs.
import { type SeedSummary } from "../seed";
import { DEMO_PASSWORD, demoSignIns } from "../tenants";

const thousands = (n: number) => n.toLocaleString("en-US");

export function formatSummary(summary: SeedSummary): string {
  const c = summary.counts;
  const t = summary.timings;
  return [
    `Seeded demo data (scale ${summary.scale}, seed ${summary.seed}, activity up to ${summary.today}) in ${(t.totalMs / 1000).toFixed(1)} s`,
    `  HCPs ${thousands(c.hcps)} · HCOs ${thousands(c.hcos)} · deactivated NPIs ${thousands(c.deactivated)}`,
    `  secondary practice locations ${thousands(c.practiceLocations)} · endpoints ${thousands(c.endpoints)}`,
    `  Part D rows ${thousands(c.partDRows)} · Open Payments ${thousands(c.payments)}`,
    `  orgs ${c.orgs} · users ${c.users} · HCPs in territories ${thousands(c.territoryHcps)}`,
    `  interactions ${thousands(c.interactions)} (samples ${thousands(c.samples)}) · tasks ${thousands(c.tasks)} · consent records ${thousands(c.consents)} · next-best-action decisions ${thousands(c.nbaDecisions)} · call plans ${c.callPlans}`,
    `  timings: generate ${t.generateMs} ms · reference ${t.referenceMs} ms · files ${t.filesMs} ms · tenants ${t.tenantsMs} ms`,
  ].join("\n");
}

export function formatSignIns(): string {
  const rows = demoSignIns.map((s) => [
    s.email,
    s.platformOperator ? `${s.role} + platform operator` : s.role,
    s.org,
    s.territory ?? s.region ?? "—",
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  "));
  return [`Demo sign-ins (password: ${DEMO_PASSWORD})`, ...lines.map((line) => `  ${line}`)].join("\n");
}
