// Hostile text and dates get a 400 with a field message from every procedure, never a 500 from the database
// (Postgres refuses NUL in text and years like −271821); oversized batches are refused before any procedure runs.
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import type { Viewer } from "@pharmacrm/domain";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { MAX_BATCH_SIZE } from "./batch-limit";
import { handleApiRequest } from "./http-handler";
import { appRouter } from "./root";

const ctx = useWorld();

const NUL = "\u0000";
/** The earliest Date JavaScript can hold: 20 April −271821. */
const YEAR_MINUS_271821 = new Date(-8.64e15);

interface ErrorBody {
  error: {
    json: { message: string; data: { code: string; httpStatus: number; fieldErrors: Record<string, string[]> | null } };
  };
}

/** A procedure called as the browser calls it: queries by GET, mutations by POST, input in superjson. */
async function call(path: string, input: unknown, viewer: Viewer) {
  const logged: unknown[] = [];
  // At run time the router keeps its procedures flat, by dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  const serialized = JSON.stringify(superjson.serialize(input));
  const req =
    procedures[path]?._def.type === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(serialized)}`)
      : new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: serialized,
        });
  const response = await handleApiRequest({
    req,
    createContext: () => ({ db: ctx.database.db, viewer }),
    logError: (_message, cause) => logged.push(cause),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody, logged };
}

type Case = [path: string, field: string, input: () => Record<string, unknown>, who?: "rep" | "admin"];

const uuid = "00000000-0000-4000-8000-000000000000";
const call0 = { npi: NPIS.E1, channel: "phone", occurredAt: new Date("2026-01-05T10:00:00Z") };

// Every procedure that takes text: a NUL byte in each kind of text field.
const textCases: Case[] = [
  ["hcp.list", "q", () => ({ q: `smith${NUL}` })],
  ["hcp.list", "specialty", () => ({ specialty: `cardio${NUL}` })],
  ["hcp.byNpi", "npi", () => ({ npi: `${NUL}000000001` })],
  ["hcp.identity", "npi", () => ({ npi: `${NUL}000000001` })],
  ["interaction.warnings", "npi", () => ({ npi: `${NUL}000000001`, channel: "phone", occurredAt: "2026-01-05" })],
  [
    "hcp.setAttributes",
    "notes",
    () => ({ npi: NPIS.E1, segment: null, tier: null, decile: null, notes: `note${NUL}` }),
  ],
  ["hcp.accounts", "tag", () => ({ tag: `kol${NUL}` })],
  ["hcp.accountNpis", "q", () => ({ q: `smith${NUL}` })],
  ["hcp.updateAccounts", "changes", () => ({ npis: [NPIS.E1], changes: { addTags: [`KOL${NUL}`] } })],
  ["hcp.updateAccounts", "changes", () => ({ npis: [NPIS.E1], changes: { notes: `x${NUL}` } })],
  [
    "hcp.restoreAccounts",
    "rows",
    () => ({
      rows: [
        {
          npi: NPIS.E1,
          tier: null,
          segment: null,
          notes: null,
          preferredChannel: null,
          tags: [],
          changedAt: YEAR_MINUS_271821,
        },
      ],
    }),
  ],
  ["adoption.board", "q", () => ({ productId: uuid, q: `smith${NUL}` })],
  ["adoption.move", "npi", () => ({ npi: `${NUL}000000001`, productId: uuid, from: "unaware", stage: "aware" })],
  ["hcp.setAttributes", "segment", () => ({ npi: NPIS.E1, segment: `A${NUL}`, tier: null, decile: null, notes: null })],
  ["search.physicians", "text", () => ({ text: `heart${NUL}` })],
  ["search.physicians", "name", () => ({ name: `smith${NUL}` })],
  ["search.physicians", "city", () => ({ city: `Boston${NUL}` })],
  ["search.physicians", "specialty", () => ({ specialty: [`cardiology${NUL}`] })],
  ["search.physicians", "drug", () => ({ drug: `eliquis${NUL}` })],
  ["search.physicians", "manufacturer", () => ({ manufacturer: `pfizer${NUL}` })],
  ["search.physicians", "semantic", () => ({ semantic: `kidney${NUL}` })],
  ["search.physicians", "cursor", () => ({ cursor: `abc${NUL}` })],
  ["search.organizations", "name", () => ({ name: `general${NUL}` })],
  ["interaction.log", "notes", () => ({ ...call0, notes: `hello${NUL}` })],
  ["interaction.log", "followUp", () => ({ ...call0, followUp: `send${NUL}` })],
  ["interaction.saveDraft", "notes", () => ({ ...call0, notes: `hello${NUL}` })],
  [
    "interaction.saveDraft",
    "samples",
    () => ({ ...call0, samples: [{ productId: uuid, lotNumber: `L1${NUL}`, quantity: 1 }] }),
  ],
  ["interaction.unlock", "reason", () => ({ id: uuid, reason: `wrong lot${NUL}` }), "admin"],
  ["samples.receive", "lotNumber", () => ({ productId: uuid, lotNumber: `L1${NUL}`, quantity: 1 })],
  ["samples.adjust", "reason", () => ({ productId: uuid, lotNumber: "L1", quantity: 1, reason: `count${NUL}` })],
  ["task.create", "title", () => ({ title: `call back${NUL}` })],
  ["task.create", "details", () => ({ title: "call back", details: `x${NUL}` })],
  [
    "consent.record",
    "source",
    () => ({ npi: NPIS.E1, channel: "email", status: "granted", source: `signed form${NUL}` }),
  ],
  ["nba.list", "npi", () => ({ npi: `100000000${NUL}` })],
  ["nba.dismiss", "reason", () => ({ npi: NPIS.E1, action: "call", reason: `not now${NUL}` })],
  ["conversation.list", "search", () => ({ search: `plan${NUL}` })],
  ["conversation.rename", "title", () => ({ id: uuid, title: `plan${NUL}` })],
  ["users.invite", "name", () => ({ name: `Nora${NUL}`, email: "nora@example.com", role: "rep" }), "admin"],
  [
    "compliance.addClaim",
    "text",
    () => ({ productId: uuid, text: `Lowers LDL a lot${NUL}`, reference: null }),
    "admin",
  ],
  ["compliance.banPhrase", "phrase", () => ({ phrase: `act now${NUL}` }), "admin"],
  ["compliance.check", "text", () => ({ text: `Act now${NUL}`, productId: null }), "admin"],
  ["products.createMarket", "name", () => ({ name: `Lipids${NUL}`, therapeuticArea: null }), "admin"],
  ["products.addMarketDrug", "brandName", () => ({ marketId: uuid, brandName: `XARELTO${NUL}` }), "admin"],
  ["products.brands", "q", () => ({ q: `xa${NUL}` }), "admin"],
  ["territories.createRegion", "name", () => ({ name: `South${NUL}` }), "admin"],
  ["territories.renameRegion", "name", () => ({ id: uuid, name: `South${NUL}` }), "admin"],
  ["territories.create", "name", () => ({ code: "S1", name: `Atlanta${NUL}`, regionId: uuid }), "admin"],
  ["territories.update", "code", () => ({ id: uuid, code: `S1${NUL}`, name: "Atlanta", regionId: uuid }), "admin"],
  ["territories.previewAlignment", "zips", () => ({ territoryId: uuid, zips: `02115${NUL}` }), "admin"],
  [
    "territories.applyAlignment",
    "zips",
    () => ({ territoryId: uuid, zips: `02115 ${NUL}`, basis: "0".repeat(64) }),
    "admin",
  ],
  ["data.startImport", "file", () => ({ dataset: "nucc_taxonomy", file: `taxonomy.csv${NUL}` }), "admin"],
  [
    "data.startImport",
    "release",
    () => ({ dataset: "nucc_taxonomy", file: "taxonomy.csv", release: `25.0${NUL}` }),
    "admin",
  ],
];

// Every procedure that takes a date: year −271821, year 0 and dates that do not exist.
const dateCases: Case[] = [
  ["interaction.log", "occurredAt", () => ({ ...call0, occurredAt: YEAR_MINUS_271821 })],
  ["interaction.log", "followUpDate", () => ({ ...call0, followUpDate: "0000-01-01" })],
  ["interaction.saveDraft", "occurredAt", () => ({ ...call0, occurredAt: YEAR_MINUS_271821 })],
  ["samples.receive", "expiresOn", () => ({ productId: uuid, lotNumber: "L1", quantity: 1, expiresOn: "2026-02-30" })],
  ["interaction.warnings", "occurredAt", () => ({ npi: NPIS.E1, channel: "phone", occurredAt: "0000-01-01" })],
  ["task.create", "dueDate", () => ({ title: "call back", dueDate: "0000-01-01" })],
  ["task.create", "dueDate", () => ({ title: "call back", dueDate: "2026-02-30" })],
  ["copilotAudit.list", "from", () => ({ from: "0000-01-01" }), "admin"],
  ["copilotAudit.export", "to", () => ({ format: "csv", to: "9999-12-31" }), "admin"],
  ["audit.list", "from", () => ({ from: "0000-01-01" }), "admin"],
  ["audit.export", "to", () => ({ format: "json", to: "9999-12-31" }), "admin"],
  ["conversation.list", "before", () => ({ before: "0000-01-01T00:00:00Z" })],
  ["conversation.list", "before", () => ({ before: "9999-12-31T00:00:00Z" })],
];

describe("bad input answers 400 with a field message, not 500", () => {
  it.each([...textCases, ...dateCases])("%s refuses a bad %s", async (path, field, input, who = "rep") => {
    const viewer = who === "admin" ? ctx.world.viewers.adminA : ctx.world.viewers.repE1;
    const { status, body, logged } = await call(path, input(), viewer);
    expect(logged).toEqual([]);
    expect(status).toBe(400);
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.message).toBe("Please correct the highlighted fields.");
    expect(body.error.json.data.fieldErrors?.[field]?.[0]).toMatch(
      /cannot contain control characters \(such as NUL\)|must be a date between 1900 and 2100|Use a date like/,
    );
  });

  it("names the field in words", async () => {
    const { body } = await call(
      "interaction.log",
      { ...call0, occurredAt: YEAR_MINUS_271821, notes: `hi${NUL}` },
      ctx.world.viewers.repE1,
    );
    expect(body.error.json.data.fieldErrors).toEqual({
      occurredAt: ["Occurred at must be a date between 1900 and 2100."],
      notes: ["Notes cannot contain control characters (such as NUL)."],
    });
  });

  it("a forged search page link is a stale link (400), not a database error", async () => {
    for (const forged of [
      { s: NUL, n: "x" },
      { s: "1e9", n: NPIS.E1 },
      { k: [`a${NUL}`, "b"], n: NPIS.E1 },
      { k: "ab", n: NPIS.E1 },
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString("base64url");
      const { status, body, logged } = await call(
        "search.physicians",
        { text: "hcp", cursor },
        ctx.world.viewers.repE1,
      );
      expect(logged).toEqual([]);
      expect(status).toBe(400);
      expect(body.error.json.message).toBe("That page link is no longer valid; start the search again.");
    }
  });

  it("keeps tab, newline and carriage return in notes", async () => {
    const { status } = await call(
      "interaction.log",
      { ...call0, notes: "line one\r\n\tline two" },
      ctx.world.viewers.repE1,
    );
    expect(status).toBe(200);
  });
});

describe("batches", () => {
  const batch = (size: number) =>
    handleApiRequest({
      req: new Request(
        `http://localhost/api/trpc/${Array(size).fill("viewer.products").join(",")}?batch=1&input=${encodeURIComponent("{}")}`,
      ),
      createContext: () => ({ db: ctx.database.db, viewer: ctx.world.viewers.repE1 }),
    });

  it(`answers a batch of ${MAX_BATCH_SIZE}`, async () => {
    const response = await batch(MAX_BATCH_SIZE);
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE);
  });

  it("refuses a larger batch with a 400 before running any of it", async () => {
    const response = await batch(MAX_BATCH_SIZE + 1);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Batch call exceeds maximum size");
  });
});
