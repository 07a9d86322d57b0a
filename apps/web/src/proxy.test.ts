// The proxy in front of every request: the CSP with a fresh nonce handed to Next.js, HSTS only over TLS, the
// signed-out redirect it always did, and cross-site POSTs to the chat and import endpoints refused.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { arrivedOverTls, requestHost } from "./lib/security/request-origin";
import { crossSitePostRefusal } from "./lib/security/same-origin-post";
import { proxy } from "./proxy";

const SESSION = { cookie: "authjs.session-token=abc" };

function request(path: string, init: { method?: string; headers?: Record<string, string>; base?: string } = {}) {
  const base = init.base ?? "http://localhost:3000";
  return new NextRequest(new URL(path, base), {
    method: init.method ?? "GET",
    headers: { host: new URL(base).host, ...init.headers },
  });
}

/** The request headers the proxy hands on to Next.js (NextResponse.next({ request: { headers } })). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("content security policy", () => {
  it("sets a nonce-based policy on the response and hands the same policy and nonce to Next.js", () => {
    const response = proxy(request("/sign-in"));
    const policy = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toHaveLength(24);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(forwarded(response, "content-security-policy")).toBe(policy);
    expect(forwarded(response, "x-nonce")).toBe(nonce);
  });

  it("hands on the page asked for (path and query), replacing any the client sent", () => {
    const response = proxy(
      request("/physicians/1234567893?tab=calls", { headers: { ...SESSION, "x-request-path": "/admin" } }),
    );
    expect(forwarded(response, "x-request-path")).toBe("/physicians/1234567893?tab=calls");
  });

  it("uses a new nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 20 }, () => forwarded(proxy(request("/")), "x-nonce")));
    expect(nonces.size).toBe(20);
  });

  it("sends HSTS and upgrade-insecure-requests only when the request came over TLS", () => {
    const plain = proxy(request("/"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    const tls = proxy(request("/", { base: "https://crm.example.com" }));
    expect(tls.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(tls.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    // X-Forwarded-Proto counts only behind a trusted proxy (TRUST_PROXY): here it is not set.
    const claimed = proxy(request("/", { headers: { "x-forwarded-proto": "https" } }));
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("signed-out visitors", () => {
  it("are sent to sign-in from signed-in pages, keeping the page they asked for", () => {
    const response = proxy(request("/physicians/1234567890?tab=calls"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/physicians/1234567890?tab=calls");
    expect(proxy(request("/admin/data")).status).toBe(307);
  });

  it("reach sign-in and the rest untouched, and signed-in visitors pass", () => {
    expect(proxy(request("/sign-in")).headers.get("location")).toBeNull();
    expect(proxy(request("/physiciansx")).headers.get("location")).toBeNull();
    expect(proxy(request("/physicians", { headers: SESSION })).headers.get("location")).toBeNull();
  });
});

describe("POSTs to the chat and import endpoints", () => {
  const post = (path: string, headers: Record<string, string>) =>
    proxy(request(path, { method: "POST", headers: { ...SESSION, ...headers } }));
  const json = { "content-type": "application/json" };
  const file = { "content-type": "application/octet-stream" };

  it("pass from the app's own pages", () => {
    expect(post("/api/chat", { origin: "http://localhost:3000", ...json }).headers.get("x-middleware-next")).toBe("1");
    expect(
      post("/api/imports?dataset=zip_county", { origin: "http://localhost:3000", ...file }).headers.get(
        "x-middleware-next",
      ),
    ).toBe("1");
    expect(
      post("/api/imports?dataset=zip_county", {
        origin: "http://localhost:3000",
        "content-type": "text/csv; charset=utf-8",
      }).headers.get("x-middleware-next"),
    ).toBe("1");
    // A browser that sends no Origin still says where the request came from.
    expect(post("/api/chat", { "sec-fetch-site": "same-origin", ...json }).headers.get("x-middleware-next")).toBe("1");
  });

  it("are refused from another site, or with no origin at all (403)", async () => {
    for (const headers of [
      { origin: "https://evil.example", ...json },
      { origin: "null", ...json },
      { "sec-fetch-site": "cross-site", ...json },
      json,
    ]) {
      const response = post("/api/chat", headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        message: expect.stringContaining("Scripts must send an Origin header with the app's address."),
      });
    }
    expect(post("/api/imports?dataset=zip_county", { origin: "http://localhost:3001", ...file }).status).toBe(403);
    // A forwarded host counts only behind a trusted proxy.
    expect(
      post("/api/chat", { origin: "https://evil.example", "x-forwarded-host": "evil.example", ...json }).status,
    ).toBe(403);
  });

  it("without a session cookie or an Origin, pass on to be told to sign in (nothing for another site to ride on)", () => {
    const anonymous = proxy(request("/api/chat", { method: "POST", headers: { "content-type": "application/json" } }));
    expect(anonymous.headers.get("x-middleware-next")).toBe("1");
    const crossSite = proxy(
      request("/api/chat", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
      }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("are refused with a body type a cross-site form could send (415)", async () => {
    const origin = { origin: "http://localhost:3000" };
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const chat = post("/api/chat", { ...origin, "content-type": type });
      expect(chat.status).toBe(415);
      expect(await chat.json()).toEqual({
        message: "This endpoint expects a JSON body (Content-Type: application/json).",
      });
      expect(post("/api/imports", { ...origin, "content-type": type }).status).toBe(415);
    }
    expect(post("/api/chat", origin).status).toBe(415);
  });

  it("leave other methods and endpoints alone", () => {
    expect(proxy(request("/api/chat", { headers: SESSION })).status).toBe(200);
    expect(post("/api/trpc/task.create", { "content-type": "application/json" }).status).toBe(200);
  });
});

describe("API query strings", () => {
  it("are refused with a 400 when they hold a control character", async () => {
    const response = proxy(
      request("/api/imports?dataset=part_d&name=x%00.csv", {
        method: "POST",
        headers: { ...SESSION, origin: "http://localhost:3000", "content-type": "text/csv" },
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "The address holds a control character (such as NUL), which no field may contain.",
    });
    expect(proxy(request("/api/chat?x%01=1")).status).toBe(400);
    expect(
      proxy(
        request("/api/imports?dataset=part_d&name=Caf%C3%A9%20list.csv", {
          method: "POST",
          headers: { ...SESSION, origin: "http://localhost:3000", "content-type": "text/csv" },
        }),
      ).status,
    ).toBe(200);
  });
});

describe("behind a trusted reverse proxy (TRUST_PROXY)", () => {
  it("takes the host and TLS from the forwarded headers", () => {
    const behind = request("/api/chat", {
      method: "POST",
      headers: { host: "app:3000", "x-forwarded-host": "crm.example.com", "x-forwarded-proto": "https,http" },
    });
    expect(requestHost(behind, true)).toBe("crm.example.com");
    expect(arrivedOverTls(behind, true)).toBe(true);
    expect(requestHost(behind, false)).toBe("app:3000");
    expect(arrivedOverTls(behind, false)).toBe(false);
    const origin = { origin: "https://crm.example.com", "content-type": "application/json" };
    const fromApp = request("/api/chat", {
      method: "POST",
      headers: { host: "app:3000", "x-forwarded-host": "crm.example.com", ...origin },
    });
    expect(crossSitePostRefusal(fromApp, "/api/chat", true, true)).toBeNull();
    expect(crossSitePostRefusal(fromApp, "/api/chat", false, true)?.status).toBe(403);
  });
});
