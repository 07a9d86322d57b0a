// docker-compose cannot run on the build machines, so the production-like mode is held by this test: images pinned,
// health checks where others wait on health, start order, required secrets, and the app on a role that owns nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { workspaceRoot } from "./paths";

interface Service {
  image?: string;
  build?: unknown;
  command?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const root = workspaceRoot();
const composeText = readFileSync(join(root, "docker-compose.yml"), "utf8");
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");

describe("docker-compose.yml", () => {
  it("has the database, the Inngest server, a one-shot migration and the app", () => {
    expect(Object.keys(services).sort()).toEqual(["app", "inngest", "migrate", "postgres"]);
  });

  it("pins every image to a version (no latest, no bare major)", () => {
    const images = Object.values(services).flatMap((s) => (s.image ? [s.image] : []));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image, image).toMatch(/:v?\d+\.\d+\.\d+(-[a-z0-9]+)?$/);
    const base = /^FROM\s+(\S+)/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:\d+\.\d+\.\d+-/);
  });

  it("starts each service only when what it needs is healthy or done, and every awaited health has a check", () => {
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    expect(services.app!.depends_on?.migrate).toEqual({ condition: "service_completed_successfully" });
    expect(services.inngest!.depends_on?.postgres).toEqual({ condition: "service_healthy" });
    for (const service of Object.values(services)) {
      for (const [name, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition === "service_healthy")
          expect(services[name]!.healthcheck, `${name} needs a healthcheck`).toBeDefined();
      }
    }
    expect(services.postgres!.healthcheck!.test.join(" ")).toContain("pg_isready");
    expect(services.app!.healthcheck!.test.join(" ")).toContain("/sign-in");
  });

  it("refuses to start without its secrets instead of using guessable defaults", () => {
    for (const secret of ["AUTH_SECRET", "INNGEST_SIGNING_KEY", "POSTGRES_PASSWORD", "APP_DATABASE_PASSWORD"]) {
      expect(composeText, secret).toMatch(new RegExp(`\\$\\{${secret}:\\?[^}]+\\}`));
      expect(composeText, `${secret} has no default`).not.toMatch(new RegExp(`\\$\\{${secret}:-`));
    }
  });

  it("migrates as the tables' owner and runs the app as pharmacrm_app, which owns nothing", () => {
    const owner = new URL(services.migrate!.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, "x"));
    const app = new URL(services.app!.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, "x"));
    expect(owner.username).toBe("pharmacrm");
    expect(app.username).toBe("pharmacrm_app");
    expect(JSON.stringify(services.migrate!.command)).toContain("db:app-role");
    // The owner's credentials are given to the one-shot migration only.
    expect(JSON.stringify(services.app!.environment)).not.toContain("postgres://pharmacrm:");
  });
});

describe("Dockerfile", () => {
  it("builds and runs as an unprivileged user", () => {
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    // Nothing after the last USER switches back to root.
    expect(dockerfile.slice(dockerfile.lastIndexOf("USER"))).not.toMatch(/^USER\s+(root|0)\b/m);
  });
});
