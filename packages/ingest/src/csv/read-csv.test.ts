import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cmsSample } from "../testing/samples";
import { readCsv, readCsvObjects, type CsvRecord } from "./read-csv";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-csv-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function records(file: string, options: Parameters<typeof readCsv>[1] = {}): Promise<CsvRecord[]> {
  const all: CsvRecord[] = [];
  for await (const batch of readCsv(file, options)) all.push(...batch);
  return all;
}

const TRICKY = [
  "NPI,Name,Note",
  '1,"Quoted, with comma","He said ""hi"""',
  '2,plain,"two',
  'lines"',
  "",
  '3,"",unquoted end',
  '4,é à ü,"日本"',
].join("\r\n");

describe("readCsv", () => {
  it("reads quoted and unquoted fields, escaped quotes, CRLF and newlines inside quotes", async () => {
    const file = await write("tricky.csv", TRICKY);
    const rows = await records(file);
    expect(rows.map((r) => r.fields)).toEqual([
      ["NPI", "Name", "Note"],
      ["1", "Quoted, with comma", 'He said "hi"'],
      ["2", "plain", "two\r\nlines"],
      ["3", "", "unquoted end"],
      ["4", "é à ü", "日本"],
    ]);
    // Physical lines: the quoted newline makes record 2 span lines 3–4; line 5 is blank.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6, 7]);
    expect(rows[2]!.raw).toBe('2,plain,"two\r\nlines"');
    expect(rows.at(-1)!.end).toBe(Buffer.byteLength(TRICKY));
  });

  it("gives byte offsets a resumed read can start from, whatever the read size", async () => {
    const file = await write("offsets.csv", TRICKY);
    const whole = await records(file);
    for (const highWaterMark of [1, 3, 7, 64]) {
      expect(await records(file, { highWaterMark }), `highWaterMark ${highWaterMark}`).toEqual(whole);
    }
    for (let i = 0; i < whole.length - 1; i++) {
      const resumed = await records(file, { start: whole[i]!.end, line: whole[i]!.nextLine, highWaterMark: 5 });
      expect(resumed).toEqual(whole.slice(i + 1));
    }
  });

  it("skips a byte-order mark and reads a last line without a line ending", async () => {
    const file = await write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n1,2")]));
    const rows = await records(file);
    expect(rows.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(rows[0]!.end).toBe(7);
  });

  it("flags broken quoting instead of failing, and keeps reading", async () => {
    const file = await write("broken.csv", 'a,b\n1,"x"y\n2,ok\n3,"never closed\n');
    const rows = await records(file);
    expect(rows[1]).toMatchObject({ fields: ["1", "xy"], malformed: "stray text after the closing quote of field 2" });
    expect(rows[2]).toMatchObject({ fields: ["2", "ok"] });
    expect(rows[3]).toMatchObject({ line: 4, malformed: "a quoted field is never closed" });
  });

  it("reads the real samples' quoting styles alike: NUCC (CRLF, quoted where needed) and a fully quoted NPPES file", async () => {
    const nucc = await records(cmsSample("nucc_taxonomy/nucc_taxonomy_251.csv"), { highWaterMark: 4096 });
    expect(nucc).toHaveLength(884);
    expect(nucc.every((r) => r.fields.length === 8)).toBe(true);
    const practice = await records(cmsSample("nppes/pl_pfile_20251103-20251109.csv"));
    expect(practice).toHaveLength(9529);
    expect(practice[0]!.fields[2]).toBe("Provider Secondary Practice Location Address-  Address Line 2");
  });

  it("readCsvObjects keys records by header", async () => {
    const file = await write("objects.csv", "zip_code,city\n02134,Allston\n");
    const rows = [];
    for await (const row of readCsvObjects(file)) rows.push(row);
    expect(rows).toEqual([{ zip_code: "02134", city: "Allston" }]);
  });
});
