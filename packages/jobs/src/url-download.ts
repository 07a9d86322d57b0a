// Downloading an import from a URL without letting it reach the server's own network (SSRF): http(s) only, no
// user name or password, every address a host name resolves to must be public, and the socket connects to the very
// address that was checked (the check runs inside the connection's own DNS lookup, so a second, different DNS
// answer cannot slip in). Literal addresses, including numeric forms such as 2130706433 or 0x7f000001 (the URL
// parser turns them into 127.0.0.1), are checked before any connection. Redirects are followed by hand, each one
// checked the same way, at most MAX_REDIRECTS; the whole download has a time limit and a byte limit.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

import { ImportFileError } from "./errors";

/** Public unicast only: no loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved, NAT64 or
 * 6to4 ranges; an IPv4-mapped IPv6 address counts as the IPv4 address it carries. */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === "unicast";
  } catch {
    return false;
  }
}

export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

export const MAX_REDIRECTS = 5;

export interface DownloadGuard {
  /** Which addresses may be connected to; public ones by default (tests allow a loopback test server explicitly). */
  allowAddress?: (address: string) => boolean;
  /** Host name → addresses; the system resolver by default (tests answer without the network). */
  resolveHost?: ResolveHost;
  maxRedirects?: number;
  /** The whole download, first byte to last. */
  timeoutMs?: number;
  /** Longest silence on the connection. */
  idleMs?: number;
}

/** "host/path" of a URL: what runs and messages show (never the query, which may carry a token). */
export const urlLocation = (url: URL): string => `${url.host}${url.pathname === "/" ? "" : url.pathname}`;

/** The URL, if it may be fetched at all: http or https, without credentials. */
export function parseImportUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ImportFileError("That is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ImportFileError("Only http and https addresses can be downloaded.");
  if (url.username || url.password)
    throw new ImportFileError("Addresses with a user name or password are not accepted.");
  return url;
}

const refused = (url: URL) =>
  new ImportFileError(
    `${url.host} is a private or local address; imports are downloaded only from public addresses.`,
    400,
  );

/** A DNS lookup for the connection that answers only with allowed addresses, and fails when any is not. */
function guardedLookup(url: URL, allow: (address: string) => boolean, resolveHost: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
        if (usable.some((a) => !allow(a.address))) return callback(refused(url), "", 4);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

/** One GET, no redirects followed; resolves with the response head. */
function get(url: URL, guard: Required<DownloadGuard>, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && !guard.allowAddress(host)) return Promise.reject(refused(url));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "GET",
        agent: false,
        signal,
        lookup: guardedLookup(url, guard.allowAddress, guard.resolveHost),
        headers: {
          "user-agent": "PharmaCRM reference-data import",
          accept: "text/csv, text/plain, */*",
          "accept-encoding": "identity",
        },
      },
      resolve,
    );
    request.setTimeout(guard.idleMs, () => request.destroy(new ImportFileError(`${url.host} stopped answering.`, 502)));
    request.on("error", reject);
    request.end();
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface DownloadResponse {
  /** The body; destroyed when the deadline passes. */
  body: IncomingMessage;
  /** The last URL, after redirects. */
  url: URL;
  /** Declared length, when the server gave one. */
  length: number | null;
  /** Call once the body has been read (or given up on): stops the deadline timer. */
  done: () => void;
  /** Set when the deadline passed. */
  timedOut: () => boolean;
}

/**
 * Opens a download: follows redirects (each target checked), refuses non-2xx answers with a plain message, and
 * hands back the body stream under a deadline. The caller streams the body (size-limited) and then calls done().
 */
export async function openDownload(start: URL, options: DownloadGuard = {}): Promise<DownloadResponse> {
  const guard: Required<DownloadGuard> = {
    allowAddress: options.allowAddress ?? isPublicAddress,
    resolveHost: options.resolveHost ?? systemResolve,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    timeoutMs: options.timeoutMs ?? 30 * 60_000,
    idleMs: options.idleMs ?? 60_000,
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, guard.timeoutMs);
  const done = () => clearTimeout(timer);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await get(url, guard, controller.signal).catch((error: unknown) => {
        if (error instanceof ImportFileError) throw error;
        if (timedOut) throw new ImportFileError(`${url.host} did not answer in time.`, 502);
        const code = (error as NodeJS.ErrnoException).code;
        throw new ImportFileError(`Could not reach ${url.host}${code ? ` (${code})` : ""}.`, 502);
      });
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location) throw new ImportFileError(`${url.host} answered with a redirect to nowhere.`, 502);
        if (redirects >= guard.maxRedirects)
          throw new ImportFileError(`${urlLocation(start)} redirects more than ${guard.maxRedirects} times.`, 502);
        let next: URL;
        try {
          next = parseImportUrl(new URL(location, url).href);
        } catch {
          throw new ImportFileError(`${url.host} redirected to an address that cannot be downloaded.`, 502);
        }
        url = next;
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        if (status === 404)
          throw new ImportFileError(`Nothing at ${urlLocation(url)} (404 Not Found). Check the address.`, 404);
        throw new ImportFileError(
          `${url.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""} for ${urlLocation(url)}.`,
          502,
        );
      }
      const declared = Number(response.headers["content-length"]);
      return {
        body: response,
        url,
        length: Number.isFinite(declared) && declared >= 0 ? declared : null,
        done,
        timedOut: () => timedOut,
      };
    }
  } catch (error) {
    done();
    throw error;
  }
}
