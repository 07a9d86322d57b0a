// Signed-in users as fixtures: each gets its own browser context (cookies), pages and an API client.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { ApiClient } from "./api";
import { HcpPage } from "./pages/hcp-page";
import { PhysicianSearchPage } from "./pages/physician-search-page";
import { SignInPage } from "./pages/sign-in-page";

export const DEMO_PASSWORD = "pharmacrm-demo";

export const users = {
  northwindBostonRep: "rep.boston@northwind.demo",
  /** A second rep, for specs whose conversations must not interleave with the Boston rep's. */
  northwindNewYorkRep: "rep.newyork@northwind.demo",
  acmeBostonRep: "rep.boston@acme.demo",
  /** The analytics spec's manager: account-security.spec signs in as the other manager and the Los Angeles rep. */
  northwindNortheastManager: "manager.northeast@northwind.demo",
  /** The analytics spec's rep: no other copilot spec signs in as them. */
  northwindSanFranciscoRep: "rep.sanfrancisco@northwind.demo",
} as const;

export interface Session {
  page: Page;
  api: ApiClient;
  physicians: PhysicianSearchPage;
  hcp: HcpPage;
}

async function signedIn(
  browser: Browser,
  contexts: BrowserContext[],
  pageErrors: string[],
  email: string,
): Promise<Session> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  // A hydration mismatch or any uncaught error in the page fails the spec that met it.
  page.on("pageerror", (error) => pageErrors.push(`${new URL(page.url()).pathname}: ${error.message}`));
  const signIn = new SignInPage(page);
  // Specs start on the physician search (home is the copilot; copilot.spec opens it itself).
  await signIn.goto("/physicians");
  await signIn.signIn(email, DEMO_PASSWORD);
  await page.waitForURL("**/physicians");
  return {
    page,
    api: new ApiClient(context.request),
    physicians: new PhysicianSearchPage(page),
    hcp: new HcpPage(page),
  };
}

export const test = base.extend<{ signInAs: (email: string) => Promise<Session> }>({
  signInAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    const pageErrors: string[] = [];
    await use((email) => signedIn(browser, contexts, pageErrors, email));
    await Promise.all(contexts.map((c) => c.close()));
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  },
});

/** Which HCP (see ApiClient.territoryHcpWithCalls) each spec works on, so parallel specs never share one. */
export const hcpSlot = {
  browse: 0,
  logCall: 1,
  isolation: 2,
  copilotBrief: 3,
  copilotWrites: 4,
  erasure: 5,
  consent: 6,
  myCalls: 7,
  callReport: 8,
} as const;

/** A marker no seeded note contains, so a test can find exactly the call it logged. */
export const uniqueNote = (label: string) =>
  `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export { expect };
