// URL imports reach only public addresses. Every request here goes to loopback test servers on this machine: the
// refusals below happen before any connection (the servers count what reaches them), and the tests that must fetch
// something allow one loopback address explicitly, while the default guard is shown to refuse that same server.
// Names are resolved by an injected resolver, so no DNS query leaves the machine either.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { resolveImportSource, type ImportSourceOptions } from "./import-files";
import { isPublicAddress, type ResolveHost } from "./url-download";

const CSV = "Code,Grouping\n101Y00000X,Behavioral\n";

let folder: string;
let origin: Server; // 127.0.0.1: serves files and redirects
let inner: Server; // 127.0.0.2: stands for an internal service; nothing may reach it
let port: number;
let innerPort: number;
const hits = { origin: 0, inner: 0 };

const listen = (server: Server, host: string) =>
  new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "jobs-url-test-"));
  origin = createServer((request, response) => {
    hits.origin++;
    const url = request.url ?? "/";
    if (url === "/nucc_taxonomy_251.csv?token=s3cret") response.end(CSV);
    else if (url === "/to-inner") response.writeHead(302, { location: `http://127.0.0.2:${innerPort}/secret` }).end();
    else if (url === "/to-ipv6-loopback")
      response.writeHead(301, { location: `http://[::1]:${innerPort}/secret` }).end();
    else if (url === "/to-internal-name")
      response.writeHead(303, { location: `http://intranet.example:${innerPort}/secret` }).end();
    else if (url === "/to-metadata")
      response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (url === "/to-file") response.writeHead(302, { location: "file:///etc/passwd" }).end();
    else if (url === "/hop") response.writeHead(302, { location: "/nucc_taxonomy_251.csv?token=s3cret" }).end();
    else if (url === "/loop") response.writeHead(302, { location: "/loop" }).end();
    else if (url === "/big") response.writeHead(200, { "content-length": "5000" }).end("x".repeat(5000));
    else if (url === "/big-chunked") {
      response.writeHead(200);
      response.write("y".repeat(3000));
      response.end("y".repeat(3000));
    } else if (url === "/slow")
      response.writeHead(200).write("Code,Grouping\n"); // never ends
    else response.writeHead(404).end("root:x:0:0:root:/root:/bin/bash");
  });
  inner = createServer((_request, response) => {
    hits.inner++;
    response.end("internal secret");
  });
  port = await listen(origin, "127.0.0.1");
  innerPort = await listen(inner, "127.0.0.2");
});
afterAll(async () => {
  origin.closeAllConnections();
  await Promise.all([new Promise((r) => origin.close(r)), new Promise((r) => inner.close(r))]);
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  hits.origin = 0;
  hits.inner = 0;
});

/** The test policy: exactly the origin server's address, nothing else (the default refuses it, see below). */
const onlyOrigin: ImportSourceOptions = {
  download: {
    allowAddress: (address) => address === "127.0.0.1",
    resolveHost: async (name) => (name === "intranet.example" ? [{ address: "127.0.0.2", family: 4 }] : []),
  },
};
const fetchWith = (url: string, options: ImportSourceOptions = {}) => resolveImportSource(url, { folder, ...options });
const messageOf = (url: string, options: ImportSourceOptions = {}) =>
  fetchWith(url, options).then(
    () => "downloaded",
    (error: Error) => error.message,
  );

describe("isPublicAddress", () => {
  it.each(["8.8.8.8", "151.101.1.69", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
    "2002:a00:1::",
    "not an address",
  ])("%s is not", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe("a URL import with the default guard", () => {
  it.each([
    [`http://127.0.0.1:PORT/nucc_taxonomy_251.csv?token=s3cret`, "127.0.0.1:PORT"],
    [`http://2130706433:PORT/x.csv`, "127.0.0.1:PORT"],
    [`http://0x7f000001:PORT/x.csv`, "127.0.0.1:PORT"],
    [`http://017700000001:PORT/x.csv`, "127.0.0.1:PORT"],
    [`http://127.1:PORT/x.csv`, "127.0.0.1:PORT"],
    [`http://[::1]:PORT/x.csv`, "[::1]:PORT"],
    [`http://[::ffff:127.0.0.1]:PORT/x.csv`, "[::ffff:7f00:1]:PORT"],
    [`http://10.20.30.40/x.csv`, "10.20.30.40"],
    [`http://169.254.169.254/latest/meta-data/`, "169.254.169.254"],
    [`https://100.64.0.1/x.csv`, "100.64.0.1"],
    [`http://0.0.0.0:PORT/x.csv`, "0.0.0.0:PORT"],
    [`http://[fd00::1]/x.csv`, "[fd00::1]"],
    [`http://[fe80::1]/x.csv`, "[fe80::1]"],
  ])("refuses %s before connecting", async (template, host) => {
    const url = template.replace("PORT", String(port));
    expect(await messageOf(url)).toBe(
      `${host.replace("PORT", String(port))} is a private or local address; imports are downloaded only from public addresses.`,
    );
    expect(hits.origin).toBe(0);
  });

  it("refuses a name that resolves to a private address, whatever else it resolves to", async () => {
    const resolveHost: ResolveHost = async (name) =>
      name === "cms.example"
        ? [
            { address: "93.184.216.34", family: 4 },
            { address: "10.0.0.7", family: 4 },
          ]
        : [{ address: "127.0.0.1", family: 4 }];
    expect(await messageOf("https://cms.example/file.csv", { download: { resolveHost } })).toBe(
      "cms.example is a private or local address; imports are downloaded only from public addresses.",
    );
    // localhost through the system resolver (the hosts file: no query leaves the machine).
    expect(await messageOf(`http://localhost:${port}/nucc_taxonomy_251.csv?token=s3cret`)).toMatch(
      /^localhost:\d+ is a private or local address/,
    );
    expect(hits.origin).toBe(0);
  });

  it.each([
    ["http://user:pw@example.org/x.csv", "Addresses with a user name or password are not accepted."],
    ["http://", "That is not a valid URL."],
    // Anything but http(s) is no URL at all: a path, taken inside the import folder.
    [
      "file:///etc/passwd",
      "There is no file file:/etc/passwd in the import folder. Check the name; it is read on the server, not on your computer.",
    ],
    [
      "ftp://example.org/x.csv",
      "There is no file ftp:/example.org/x.csv in the import folder. Check the name; it is read on the server, not on your computer.",
    ],
  ])("refuses %s", async (url, message) => {
    expect(await messageOf(url)).toBe(message);
  });
});

describe("a URL import from an allowed server", () => {
  it("downloads to the import folder and shows host and path, never the query", async () => {
    const source = await fetchWith(`http://127.0.0.1:${port}/nucc_taxonomy_251.csv?token=s3cret`, onlyOrigin);
    expect(source).toMatchObject({ location: `127.0.0.1:${port}/nucc_taxonomy_251.csv`, received: true });
    expect(source.path.startsWith(join(folder, "received"))).toBe(true);
    expect(source.path.endsWith("/nucc_taxonomy_251.csv")).toBe(true);
  });

  it("connects to the very address it checked for a host name", async () => {
    // files.example exists only in this resolver: the request can only land if the socket uses the checked answer.
    const pinned = {
      download: { ...onlyOrigin.download, resolveHost: async () => [{ address: "127.0.0.1", family: 4 }] },
    };
    expect(await fetchWith(`http://files.example:${port}/nucc_taxonomy_251.csv?token=s3cret`, pinned)).toMatchObject({
      location: `files.example:${port}/nucc_taxonomy_251.csv`,
    });
    expect(hits.origin).toBe(1);
  });

  it("follows a redirect to an allowed address, checking it again", async () => {
    expect(await fetchWith(`http://127.0.0.1:${port}/hop`, onlyOrigin)).toMatchObject({
      location: `127.0.0.1:${port}/hop`,
    });
    expect(hits.origin).toBe(2);
  });

  it.each([
    ["/to-inner", `127.0.0.2:INNER is a private or local address; imports are downloaded only from public addresses.`],
    [
      "/to-ipv6-loopback",
      `[::1]:INNER is a private or local address; imports are downloaded only from public addresses.`,
    ],
    [
      "/to-internal-name",
      `intranet.example:INNER is a private or local address; imports are downloaded only from public addresses.`,
    ],
    [
      "/to-metadata",
      "169.254.169.254 is a private or local address; imports are downloaded only from public addresses.",
    ],
    ["/to-file", "127.0.0.1:PORT redirected to an address that cannot be downloaded."],
  ])("refuses a redirect %s to a place it may not go, without connecting there", async (path, message) => {
    expect(await messageOf(`http://127.0.0.1:${port}${path}`, onlyOrigin)).toBe(
      message.replace("INNER", String(innerPort)).replace("PORT", String(port)),
    );
    expect(hits).toEqual({ origin: 1, inner: 0 });
  });

  it("stops after five redirects", async () => {
    expect(await messageOf(`http://127.0.0.1:${port}/loop`, onlyOrigin)).toBe(
      `127.0.0.1:${port}/loop redirects more than 5 times.`,
    );
    expect(hits.origin).toBe(6);
  });

  it("refuses a body over the size limit, declared or not, and keeps nothing", async () => {
    const limited = { ...onlyOrigin, limit: 4000 };
    expect(await messageOf(`http://127.0.0.1:${port}/big`, limited)).toBe(
      "The file is larger than 0 MB. Copy it to the server's import folder and give its name instead.",
    );
    expect(await messageOf(`http://127.0.0.1:${port}/big-chunked`, limited)).toBe(
      "The file is larger than 0 MB. Copy it to the server's import folder and give its name instead.",
    );
    const leftovers = await readdir(join(folder, "received")).then((entries) =>
      Promise.all(entries.map((entry) => readdir(join(folder, "received", entry)))),
    );
    expect(leftovers.flat().filter((name) => name.startsWith("big"))).toEqual([]);
  });

  it("gives up on a download that takes too long", async () => {
    const slow = { download: { ...onlyOrigin.download, timeoutMs: 300 } };
    expect(await messageOf(`http://127.0.0.1:${port}/slow`, slow)).toBe(
      `127.0.0.1:${port}/slow took too long to download. Copy the file to the import folder instead.`,
    );
  });

  it("says what a 404 is without quoting the answer's body", async () => {
    const message = await messageOf(`http://127.0.0.1:${port}/etc/passwd?x=1`, onlyOrigin);
    expect(message).toBe(`Nothing at 127.0.0.1:${port}/etc/passwd (404 Not Found). Check the address.`);
    expect(message).not.toContain("root:");
  });
});
