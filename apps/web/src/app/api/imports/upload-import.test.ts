// The upload edge: only a platform operator may upload reference data; a tenant admin is refused before a byte is
// stored; a file that is not CSV text is refused and removed; the run records who uploaded it; the size limit holds;
// old uploads go when a new one arrives.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, org, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { type Viewer } from "@pharmacrm/domain";
import { getRun } from "@pharmacrm/ingest";
import { NUCC_251 } from "@pharmacrm/ingest/testing";
import { drainInProcessRunner, KEEP_RECEIVED_DAYS, receivedDir } from "@pharmacrm/jobs";

import { handleUploadImport, UPLOAD_OPERATORS_ONLY } from "./upload-import";

let database: Database;
let folder: string;
let tenantAdmin: Viewer;
let operator: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), "web-upload-test-"));
  const [tenant, platform] = await database.db
    .insert(org)
    .values([
      { name: "Tenant", slug: "tenant" },
      { name: "Platform", slug: "platform" },
    ])
    .returning();
  const [admin, ops] = await database.db
    .insert(appUser)
    .values([
      { orgId: tenant!.id, email: "admin@tenant.example", name: "Tenant Admin", role: "admin" },
      {
        orgId: platform!.id,
        email: "ops@platform.example",
        name: "Olive Operator",
        role: "admin",
        platformOperator: true,
      },
    ])
    .returning();
  const viewerOf = (user: typeof admin, orgName: string): Viewer => ({
    userId: user!.id,
    orgId: user!.orgId,
    role: user!.role,
    name: user!.name,
    email: user!.email,
    regionId: null,
    orgName,
    orgIsDemo: false,
    platformOperator: user!.platformOperator,
  });
  tenantAdmin = viewerOf(admin, "Tenant");
  operator = viewerOf(ops, "Platform");
});
afterAll(async () => {
  await drainInProcessRunner();
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

const upload = async (viewer: Viewer | null, body: BodyInit, headers: Record<string, string> = {}) => {
  const request = new Request(`http://localhost/api/imports?dataset=nucc_taxonomy&name=${basename(NUCC_251)}`, {
    method: "POST",
    body,
    headers,
  });
  const response = await handleUploadImport(request, viewer, async () => database.db, {
    folder,
    limit: 10 * 1024 ** 2,
  });
  return {
    status: response.status,
    body: (await response.json()) as { message?: string; runId?: string; alreadyLoaded?: boolean },
  };
};

describe("POST /api/imports", () => {
  it("asks a signed-out caller to sign in", async () => {
    expect(await upload(null, "Code\n")).toEqual({ status: 401, body: { message: "Please sign in." } });
  });

  it("refuses a tenant admin, storing nothing", async () => {
    expect(await upload(tenantAdmin, await readFile(NUCC_251))).toEqual({
      status: 403,
      body: { message: UPLOAD_OPERATORS_ONLY },
    });
    expect(existsSync(receivedDir(folder))).toBe(false);
  });

  it("refuses a file name holding a control character with a 400 naming the field, storing nothing", async () => {
    const request = new Request("http://localhost/api/imports?dataset=nucc_taxonomy&name=taxonomy%00.csv", {
      method: "POST",
      body: "Code\n",
    });
    const response = await handleUploadImport(request, operator, async () => database.db, {
      folder,
      limit: 10 * 1024 ** 2,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      "The file name cannot contain control characters",
    );
    expect(existsSync(receivedDir(folder))).toBe(false);
  });

  it("refuses a body over the limit", async () => {
    const { status, body } = await upload(operator, "x", { "content-length": String(11 * 1024 ** 2) });
    expect(status).toBe(413);
    expect(body.message).toMatch(/^The file is larger than 10 MB/);
  });

  it.each([
    [
      "a PNG image",
      Buffer.from("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61", "hex"),
      "This file holds binary data (NUL bytes), not text. PharmaCRM expects a CSV file (plain text).",
    ],
    [
      "a ZIP archive",
      Buffer.from("PK\x03\x04\x14\x00\x06\x00npi,name\n", "latin1"),
      "This file is a ZIP archive (or an Excel workbook), not a CSV file. Unzip it and upload the CSV inside, or save the sheet as CSV.",
    ],
  ])("refuses %s with a 400 naming only the reason, keeping nothing", async (_what, bytes, reason) => {
    const before = existsSync(receivedDir(folder)) ? await readdir(receivedDir(folder)) : [];
    expect(await upload(operator, bytes)).toEqual({ status: 400, body: { message: reason } });
    expect(existsSync(receivedDir(folder)) ? await readdir(receivedDir(folder)) : []).toEqual(before);
  });

  it("imports an operator's upload, recording who uploaded it, and removes uploads older than a week", async () => {
    const earlier = join(receivedDir(folder), "earlier-upload");
    await mkdir(earlier, { recursive: true });
    await writeFile(join(earlier, "old.csv"), "Code\n");
    const longAgo = new Date(Date.now() - (KEEP_RECEIVED_DAYS + 1) * 24 * 60 * 60 * 1000);
    await utimes(earlier, longAgo, longAgo);
    const { status, body } = await upload(operator, await readFile(NUCC_251));
    expect(existsSync(earlier)).toBe(false);
    expect(status).toBe(202);
    await drainInProcessRunner();
    const run = await getRun(database.db, body.runId!);
    expect(run).toMatchObject({
      status: "succeeded",
      startedBy: operator.userId,
      startedVia: "app",
      sourceLocation: "upload",
      sourceFile: basename(NUCC_251),
    });
    expect(run!.filePath!.startsWith(receivedDir(folder))).toBe(true);
  });
});
