// Server paths: only files inside the import folder, by their real path. Nothing outside it is read or named, and
// no message quotes a server path or a file's content.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { workspaceRoot } from "@pharmacrm/config/paths";

import { importFolderFile, OUTSIDE_IMPORT_FOLDER } from "./import-folder";

let root: string;
let folder: string;
let outside: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "jobs-import-folder-test-"));
  folder = join(root, "imports");
  outside = join(root, "secret.txt");
  await mkdir(join(folder, "cms"), { recursive: true });
  await writeFile(join(folder, "cms", "nucc_taxonomy_251.csv"), "Code,Grouping\n101Y00000X,Behavioral\n");
  await writeFile(join(folder, "empty.csv"), "");
  await writeFile(outside, "top secret first line\n");
  await symlink(outside, join(folder, "innocent.csv"));
  await symlink(root, join(folder, "up"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const refusal = (given: string) =>
  importFolderFile(given, folder).then(
    () => "accepted",
    (error: Error) => error.message,
  );

describe("importFolderFile", () => {
  it("finds a file by its name or path inside the folder, or by an absolute path inside it", async () => {
    expect(await importFolderFile(" cms/nucc_taxonomy_251.csv ", folder)).toEqual({
      path: join(folder, "cms", "nucc_taxonomy_251.csv"),
      name: "cms/nucc_taxonomy_251.csv",
    });
    expect(await importFolderFile(join(folder, "cms", "nucc_taxonomy_251.csv"), folder)).toMatchObject({
      name: "cms/nucc_taxonomy_251.csv",
    });
    expect(await importFolderFile("cms/../cms/nucc_taxonomy_251.csv", folder)).toMatchObject({
      name: "cms/nucc_taxonomy_251.csv",
    });
  });

  it.each([
    ["/etc/passwd"],
    ["../secret.txt"],
    ["cms/../../secret.txt"],
    [join(workspaceRoot(), ".data", "auth-secret")],
    ["../../../../../../etc/passwd"],
  ])("refuses %s, outside the folder, without naming or reading it", async (given) => {
    expect(await refusal(given)).toBe(OUTSIDE_IMPORT_FOLDER);
  });

  it("refuses a symlink that leads out of the folder, and never quotes what is there", async () => {
    expect(await refusal("innocent.csv")).toBe(OUTSIDE_IMPORT_FOLDER);
    expect(await refusal("up/secret.txt")).toBe(OUTSIDE_IMPORT_FOLDER);
    expect(await readFile(outside, "utf8")).toContain("top secret");
  });

  it("says in the folder's own terms what is wrong with a path inside it", async () => {
    expect(await refusal("nope.csv")).toBe(
      "There is no file nope.csv in the import folder. Check the name; it is read on the server, not on your computer.",
    );
    expect(await refusal("cms")).toBe("cms is not a file (a folder or a device).");
    expect(await refusal("empty.csv")).toBe("empty.csv is empty.");
    expect(await refusal("   ")).toBe("Give the file's name or its path inside the import folder.");
    for (const message of [await refusal("nope.csv"), await refusal("cms")]) expect(message).not.toContain(root);
  });
});
