import { DEMO_PASSWORD, expect, test, users } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

test("a wrong password shows the error and stays on sign-in", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(users.northwindBostonRep, "not-the-password");

  await expect(signIn.error).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(signIn.email).toHaveValue(users.northwindBostonRep);
  await expect(page.getByText(/error|exception|stack/i)).toHaveCount(0);

  // Still signed out: the app sends us back here.
  await page.goto("/physicians");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing in shows who you are and where you work; signing out ends the session", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(users.northwindBostonRep, DEMO_PASSWORD);
  // Home is the copilot.
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("copilot-input")).toBeVisible();

  await expect(page.getByTestId("viewer")).toContainText("Kevin Walsh");
  await expect(page.getByTestId("viewer")).toContainText("Rep · Northwind Therapeutics");
  await expect(page.getByTestId("territories")).toHaveText(/Boston/);
  await expect(page.getByTestId("demo-badge")).toHaveText("Demo data");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Copilot",
    "Accounts",
    "Physicians",
    "Organisations",
    "Calls",
    "Tasks",
    "Call plans",
    "Analytics",
  ]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await page.goto("/physicians");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a shared link survives signing in", async ({ page }) => {
  await page.goto("/physicians?mine=0&state=MA&sort=city");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const signIn = new SignInPage(page);
  await signIn.signIn(users.northwindBostonRep, DEMO_PASSWORD);
  await page.waitForURL(/\/physicians\?mine=0&state=MA&sort=city$/);
  await expect(page.getByLabel("State", { exact: true })).toHaveValue("MA");
});

test("the seeded demo accounts are listed and sign in with one click", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const demo = page.getByRole("region", { name: /Demo accounts/ });
  await expect(demo.getByRole("button")).toHaveCount(11);
  await demo.getByRole("button", { name: `Sign in as ${users.acmeBostonRep}` }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("viewer")).toContainText("Acme");
});

test("signing out revokes the session on the server: the old cookie no longer works", async ({ browser, page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto("/physicians");
  await signIn.signIn(users.northwindBostonRep, DEMO_PASSWORD);
  await page.waitForURL("**/physicians");
  const stolen = await page.context().storageState();

  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out lands on sign-in; when the page was still refreshing, with a callbackUrl back to it.
  await page.waitForURL((url) => url.pathname === "/sign-in");

  // Someone who copied the cookie before sign-out gets nothing with it.
  const replay = await browser.newContext({ storageState: stolen });
  expect((await replay.request.get("/api/trpc/viewer.me")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/physicians");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await replay.close();
});
