import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

import {
  ENDPOINTS,
  NPPES_2017,
  NPPES_2025,
  NUCC_251,
  OPEN_PAYMENTS_2024,
  PART_D_DIRTY,
  PRACTICE_LOCATIONS,
  ZIP_CENTROIDS,
} from "../testing/samples";
import { fileHead, notCsvFileReason, notCsvReason, SNIFF_BYTES } from "./sniff-text";

const bytes = (text: string, encoding: BufferEncoding = "utf8") => new Uint8Array(Buffer.from(text, encoding));

describe("notCsvReason", () => {
  it("finds every real CMS and NUCC sample to be text", async () => {
    for (const file of [
      NPPES_2025,
      NPPES_2017,
      PART_D_DIRTY,
      OPEN_PAYMENTS_2024,
      NUCC_251,
      ZIP_CENTROIDS,
      PRACTICE_LOCATIONS,
      ENDPOINTS,
    ]) {
      expect(await notCsvFileReason(file), file).toBeNull();
    }
  });

  it("accepts UTF-8 with a BOM, latin1, tabs, CRLF and an odd stray control character", () => {
    expect(notCsvReason(bytes('\ufeffNPI,Name\r\n1234567893,"Café, Zoë"\r\n'))).toBeNull();
    expect(notCsvReason(bytes("NPI\tName\n1234567893\tJos\xe9\n", "latin1"))).toBeNull();
    expect(notCsvReason(bytes(`NPI,Note\n1234567893,pasted\x1b[0m text${" more text".repeat(40)}\n`))).toBeNull();
    expect(notCsvReason(new Uint8Array())).toBeNull();
  });

  it("names the archive or document it recognises and says what to upload instead", async () => {
    const gzip = new Uint8Array(gzipSync(await readFile(NUCC_251)));
    expect(notCsvReason(gzip)).toBe(
      "This file is a gzip archive, not a CSV file. Unpack it and upload the CSV inside.",
    );
    expect(notCsvReason(bytes("PK\x03\x04\x14\x00\x06\x00", "latin1"))).toBe(
      "This file is a ZIP archive (or an Excel workbook), not a CSV file. Unzip it and upload the CSV inside, or save the sheet as CSV.",
    );
    expect(notCsvReason(bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"))).toBe(
      "This file is a PDF document, not a CSV file. Download the dataset as CSV instead.",
    );
    expect(notCsvReason(bytes("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "latin1"))).toContain(
      "an old-style Excel or Word file",
    );
    expect(notCsvReason(bytes("\xff\xfeN\x00P\x00I\x00", "latin1"))).toBe(
      "This file is text in UTF-16, not a CSV file in UTF-8. Save it as “CSV UTF-8” and upload that.",
    );
  });

  it("refuses a NUL byte anywhere in the first KB, and random bytes", () => {
    const text = "NPI,Name\n".repeat(100);
    expect(notCsvReason(bytes(`${text.slice(0, 700)}\u0000${text.slice(700)}`))).toBe(
      "This file holds binary data (NUL bytes), not text. PharmaCRM expects a CSV file (plain text).",
    );
    // Random bytes without NUL: the share of control bytes gives them away.
    const noise = randomBytes(SNIFF_BYTES).map((b) => (b === 0 ? 1 : b));
    expect(notCsvReason(new Uint8Array(noise))).toBe(
      "This file holds binary data, not text. PharmaCRM expects a CSV file (plain text).",
    );
  });

  it("looks only at the first SNIFF_BYTES bytes", () => {
    const head = bytes("a,b\n".repeat(SNIFF_BYTES / 4));
    expect(notCsvReason(new Uint8Array([...head, 0, 0, 0]))).toBeNull();
  });
});

describe("fileHead", () => {
  const dir = mkdtemp(join(tmpdir(), "sniff-"));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it("reads at most the first bytes of a file", async () => {
    const file = join(await dir, "big.csv");
    await writeFile(file, "x".repeat(SNIFF_BYTES * 3));
    expect((await fileHead(file)).length).toBe(SNIFF_BYTES);
    const small = join(await dir, "small.csv");
    await writeFile(small, "npi\n");
    expect(await fileHead(small)).toEqual(bytes("npi\n"));
    const binary = join(await dir, "data.bin");
    await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(await notCsvFileReason(binary)).toContain("a ZIP archive");
  });
});
