// Every screen is served with the security headers and a nonce-based Content-Security-Policy, and still works
// under it: the browser reports no CSP violation and Next.js boots (its scripts carry the nonce). The chat and
// import endpoints refuse cross-site POSTs; tRPC refuses oversized batches.
import type { Page, Response } from "@playwright/test";

import { expect, hcpSlot, test, users } from "./fixtures";

const ADMIN = "admin@northwind.demo";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Collects CSP violations two ways: the console lines Chromium prints and the DOM's securitypolicyviolation events. */
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|evaluate|load|apply|connect|frame)/i.test(message.text()))
      consoleLines.push(message.text());
  });
  await page.context().addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window.cspViolations ??= []).push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`);
    });
  });
  return async () => [...consoleLines, ...(await page.evaluate(() => window.cspViolations ?? []))];
}

function expectSecurityHeaders(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Plain HTTP here: HSTS is only sent over TLS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return policy;
}

async function expectBooted(page: Page) {
  // Next.js sets window.next once its (nonce-carrying) scripts have run.
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
}

test("the sign-in page carries the headers and runs under its policy", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchForViolations(page);
  const first = expectSecurityHeaders(await page.goto("/sign-in"));
  await expectBooted(page);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  // A fresh nonce per response.
  const second = expectSecurityHeaders(await page.reload());
  expect(second).not.toBe(first);
  expect(await violations()).toEqual([]);
  await context.close();
});

test("a rep's screens carry the headers and run with no CSP violation", async ({ signInAs }) => {
  const { page, api } = await signInAs(users.northwindBostonRep);
  const violations = await watchForViolations(page);
  const physician = await api.territoryHcpWithCalls(hcpSlot.browse);

  for (const path of ["/", "/physicians", `/physicians/${physician.hcp.npi}`, "/organizations", "/analytics"]) {
    expectSecurityHeaders(await page.goto(path));
    await expectBooted(page);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
  // The physician page draws its map (Leaflet sets inline styles and SVG) under the policy.
  await page.goto(`/physicians/${physician.hcp.npi}`);
  await expect(page.getByTestId("hcp-name")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("an admin's screens carry the headers and run with no CSP violation", async ({ signInAs }) => {
  const { page } = await signInAs(ADMIN);
  const violations = await watchForViolations(page);
  for (const path of ["/admin/data", "/admin/copilot"]) {
    expectSecurityHeaders(await page.goto(path));
    await expectBooted(page);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
});

test("the chat and import endpoints refuse cross-site POSTs; tRPC refuses oversized batches", async ({
  signInAs,
  baseURL,
}) => {
  const { page } = await signInAs(users.northwindBostonRep);
  const body = {
    id: crypto.randomUUID(),
    messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "hello" }] }],
  };

  const crossSite = await page.request.post("/api/chat", {
    headers: { origin: "https://attacker.example", "content-type": "application/json" },
    data: body,
  });
  expect(crossSite.status()).toBe(403);
  expect(((await crossSite.json()) as { message: string }).message).toContain("Origin");

  const noOrigin = await page.request.post("/api/chat", {
    headers: { "content-type": "application/json" },
    data: body,
  });
  expect(noOrigin.status()).toBe(403);

  const formPost = await page.request.post("/api/chat", {
    headers: { origin: baseURL!, "content-type": "text/plain" },
    data: JSON.stringify(body),
  });
  expect(formPost.status()).toBe(415);

  const upload = await page.request.post("/api/imports?dataset=part_d&name=x.csv", {
    headers: { origin: "https://attacker.example", "content-type": "application/octet-stream" },
    data: "npi\n",
  });
  expect(upload.status()).toBe(403);

  // From the app's own origin the request reaches the endpoint (which answers for itself: a rep may not upload).
  const sameOrigin = await page.request.post("/api/imports?dataset=part_d&name=x.csv", {
    headers: { origin: baseURL!, "content-type": "application/octet-stream" },
    data: "npi\n",
  });
  expect(sameOrigin.status()).toBe(403);
  expect(((await sameOrigin.json()) as { message: string }).message).not.toContain("Origin");

  const batch = (size: number) =>
    page.request.get(`/api/trpc/${Array(size).fill("viewer.products").join(",")}?batch=1&input=%7B%7D`);
  expect((await batch(25)).status()).toBe(200);
  expect((await batch(26)).status()).toBe(400);
});
