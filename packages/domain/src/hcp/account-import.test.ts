// Account fields from a file: the dry run reports what would change and sets aside each bad row with its line,
// column and reason (never the cell), changes nothing; applying writes and audits; columns found or chosen.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, hcpAttribute } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { importAccounts } from "./account-import";

const ctx = useWorld();
const scopeOf = (person: PersonKey) => scopeFor(ctx.database.db, ctx.world.viewers[person]);
const attributesOf = (npi: string) =>
  ctx.database.db
    .select()
    .from(hcpAttribute)
    .where(and(eq(hcpAttribute.orgId, ctx.world.viewers.adminA.orgId), eq(hcpAttribute.hcpNpi, npi)))
    .then((rows) => rows[0]);

const FILE = [
  "NPI,Tier,Segment,Preferred channel,Tags,Notes",
  `${NPIS.E1},A,Growth,Face to face,KOL; Speaker,"Met at congress, keen"`,
  `${NPIS.E2},,,Carrier pigeon,,`,
  `${NPIS.W1},B,,,,`,
  "12345,A,,,,",
  `${NPIS.E1},C,,,,`,
  `${NPIS.E2},,,,,`,
  `${NPIS.E2},${"x".repeat(11)},,,,`,
].join("\n");

describe("importing account fields", () => {
  it("dry runs, setting aside each bad row with its line, column and reason, and changes nothing", async () => {
    const report = await importAccounts(ctx.database.db, await scopeOf("managerEast"), { csv: FILE });
    expect(report).toMatchObject({ applied: false, rows: 7, updated: 1, unchanged: 0 });
    expect(report.setAside).toEqual([
      { line: 3, column: "Preferred channel", reason: "Use In person, Phone, Video or Email." },
      { line: 4, column: "NPI", reason: "No physician practising in your territories has this NPI." },
      { line: 5, column: "NPI", reason: "An NPI is 10 digits." },
      { line: 6, column: "NPI", reason: "The same NPI is also on line 2; only the first is read." },
      { line: 7, column: "NPI", reason: "Nothing to change: every other cell is empty." },
      { line: 8, column: "Tier", reason: "A tier is at most 10 characters." },
    ]);
    expect(JSON.stringify(report.setAside)).not.toMatch(/pigeon|xxxx/);
    expect(await attributesOf(NPIS.E1)).toBeUndefined();
  });

  it("applies the good rows, audited, and a second import of the same file changes nothing", async () => {
    const scope = await scopeOf("managerEast");
    const applied = await importAccounts(ctx.database.db, scope, { csv: FILE, apply: true });
    expect(applied).toMatchObject({ applied: true, updated: 1 });
    expect(await attributesOf(NPIS.E1)).toMatchObject({
      tier: "A",
      segment: "Growth",
      preferredChannel: "in_person",
      tags: ["KOL", "Speaker"],
      notes: "Met at congress, keen",
    });
    const audits = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "hcp.setAttributes"), eq(auditEvent.entityId, NPIS.E1)));
    expect(audits).toHaveLength(1);
    expect(await importAccounts(ctx.database.db, scope, { csv: FILE, apply: true })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
  });

  it("reads chosen columns of a file without the usual names, and says what a bad file lacks", async () => {
    const scope = await scopeOf("repE2");
    const csv = `id,level,labels\n${NPIS.E2},B,kol|new practice`;
    await expect(importAccounts(ctx.database.db, scope, { csv })).rejects.toThrow(
      /must name the columns, one of them NPI/,
    );
    const report = await importAccounts(ctx.database.db, scope, {
      csv,
      apply: true,
      columns: { npi: 0, tier: 1, segment: null, preferredChannel: null, tags: 2, notes: null },
    });
    expect(report).toMatchObject({ updated: 1, setAside: [] });
    // "kol" is filed as the org already spells it.
    expect(await attributesOf(NPIS.E2)).toMatchObject({ tier: "B", tags: ["KOL", "new practice"] });
    // A tags cell of separators only keeps the tags, as an empty cell does.
    await importAccounts(ctx.database.db, scope, { csv: `NPI,Tier,Tags\n${NPIS.E2},C, ; `, apply: true });
    expect(await attributesOf(NPIS.E2)).toMatchObject({ tier: "C", tags: ["KOL", "new practice"] });
    await expect(importAccounts(ctx.database.db, scope, { csv: 'NPI,Tier\n"unclosed,A' })).rejects.toThrow(
      /not readable CSV/,
    );
    await expect(importAccounts(ctx.database.db, scope, { csv: `NPI,Whatever\n${NPIS.E2},x` })).rejects.toThrow(
      /no field to change/,
    );
  });
});
