// Upload handling: streamed to its own folder under <import folder>/received, size-limited, names made safe.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";

import { receivedDir, removeImportFile, safeFileName, saveImportFile } from "./import-files";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "jobs-files-test-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const streamOf = (...chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

describe("saveImportFile", () => {
  it("streams the body to <import folder>/received/<uuid>/<name>, keeping the file's name", async () => {
    const bytes = await readFile(PART_D_DIRTY);
    const file = await saveImportFile(
      Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]),
      "USA_Presc_Medicare_Data_2021.csv",
      { folder },
    );
    expect(dirname(dirname(file))).toBe(receivedDir(folder));
    expect(basename(file)).toBe("USA_Presc_Medicare_Data_2021.csv");
    expect((await readFile(file)).equals(bytes)).toBe(true);
    await removeImportFile(file);
    expect(existsSync(dirname(file))).toBe(false);
  });

  it("refuses a body over the limit with a 413 and leaves nothing behind", async () => {
    const error = await saveImportFile(streamOf("a".repeat(600), "b".repeat(600)), "big.csv", {
      folder,
      limit: 1000,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ImportFileError",
      status: 413,
      message: "The file is larger than 0 MB. Copy it to the server's import folder and give its name instead.",
    });
  });

  it("refuses an empty body", async () => {
    await expect(saveImportFile(streamOf(), "empty.csv", { folder })).rejects.toThrow("The file is empty.");
  });

  it("refuses a file that is not CSV text with a 400 naming what it is, and removes it", async () => {
    const into = join(folder, "not-csv");
    const zip = Readable.from([Buffer.from("PK\x03\x04\x14\x00\x06\x00secret,row\n", "latin1")]);
    const error = await saveImportFile(zip, "payments.csv", { folder: into }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ImportFileError",
      status: 400,
      message: expect.stringMatching(/^This file is a ZIP archive/) as unknown,
    });
    expect((error as Error).message).not.toContain("secret");
    expect((error as Error).message).not.toContain(into);
    expect(await readdir(receivedDir(into))).toEqual([]);
  });
});

describe("safeFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\MUP DPR 2022 (final).csv", "MUP_DPR_2022_final_.csv"],
    [".hidden", "hidden"],
    ["", "upload.csv"],
  ])("%s → %s", (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
