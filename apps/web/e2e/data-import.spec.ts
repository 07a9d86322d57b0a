// The admin Data screen: a platform operator (the demo's operator@northwind.demo) sets up an authenticator at first
// sign-in, as every operator must, then uploads a real CMS file, watches its run reach 100 %, reads its counts and
// quarantine; a tenant admin sees what was loaded but cannot load.
// The dirty Part D copy holds NPIs outside the demo population, so loading it changes no other spec's data.
import type { BrowserContext, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";

import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

const OPERATOR = "operator@northwind.demo"; // the demo's platform operator; no other spec signs in as them
const TENANT_ADMIN = "admin@acme.demo";
const REP = "rep.boston@northwind.demo";
const FILE = "USA_Presc_Medicare_Data_2021_COURSE_MODIFIED.csv";

let operatorContext: BrowserContext;
let operator: Page;

test.describe.serial("a platform operator", () => {
  test.beforeAll(async ({ browser }) => {
    operatorContext = await browser.newContext();
    operator = await operatorContext.newPage();
  });
  test.afterAll(() => operatorContext.close());

  test("must set up an authenticator before anything else, the demo included", async () => {
    const page = operator;
    const signIn = new SignInPage(page);
    await signIn.goto("/admin/data");
    await signIn.signIn(OPERATOR, DEMO_PASSWORD);
    await page.waitForURL("**/sign-in/set-up**");
    await expect(page.getByText("Platform operators must sign in with a second factor.")).toBeVisible();
    // Part-way signed in is not signed in.
    await page.goto("/admin/data");
    await page.waitForURL("**/sign-in/set-up**");
    const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s/g, "");
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
    await page.getByLabel("Code from the app").fill(code);
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: /I have saved them/ }).click();
    // Back to the page asked for before the setup.
    await page.waitForURL((url) => url.pathname === "/admin/data");
    await expect(page.getByTestId("viewer")).toContainText("Northwind");
    await expect(page.getByTestId("source-part_d")).toBeVisible();
  });

  test("uploads a Part D file and watches the import reach 100 %", async () => {
    const page = operator;
    await page.goto("/physicians");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
    await page.waitForURL("**/admin/data");
    await expect(page.getByTestId("source-part_d")).toBeVisible();

    // The form says what is missing before anything is sent.
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText("Choose the dataset this file belongs to.")).toBeVisible();

    await page.getByLabel("Dataset").selectOption("part_d");
    await page.getByLabel("File to upload").setInputFiles(PART_D_DIRTY);
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText("Import started")).toBeVisible();

    const run = page.getByTestId("run-row").filter({ hasText: FILE });
    await expect(run.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(run.getByTestId("percent")).toHaveText("100 %");
    await expect(run.getByTestId("rows-read")).toHaveText("105 rows");
    await expect(run.getByTestId("run-quarantined")).toHaveText("14");
    await expect(run.getByText("Succeeded")).toBeVisible();
    await expect(run.getByTestId("run-started-by")).toContainText("Jordan Ellis (Northwind Therapeutics)");
    await expect(run.getByTestId("run-started-by")).toContainText("Uploaded file");
    await expect(page.getByTestId("source-part_d")).toContainText("DY2021");

    await run.getByRole("link", { name: FILE }).click();
    await page.waitForURL("**/admin/data/runs/*");
    await expect(page.getByTestId("count-read")).toHaveText("105");
    await expect(page.getByTestId("count-loaded")).toHaveText("91");
    await expect(page.getByTestId("count-quarantined")).toHaveText("14");
    await expect(
      page.getByText("Duplicate rule: first valid row of an NPI × brand name × generic name wins", { exact: false }),
    ).toBeVisible();
    const quarantined = page.getByTestId("quarantined-row");
    await expect(quarantined).toHaveCount(14);
    await expect(quarantined.nth(1)).toContainText(
      "duplicate of line 2 (same NPI 1437118403 and drug METHENAMINE HIPPURATE)",
    );
  });

  test("a path outside the import folder, or not in it, is refused in words that quote nothing", async () => {
    const page = operator;
    await page.goto("/admin/data");
    await page.getByLabel("Dataset").selectOption("open_payments");
    await page.getByLabel("Import folder or URL").check();
    const path = page.getByLabel("File in the import folder, or URL");
    await path.fill("OP_DTL_GNRL_PGYR2024_P01232025.csv");
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText("The import did not start")).toBeVisible();
    await expect(
      page.getByText("There is no file OP_DTL_GNRL_PGYR2024_P01232025.csv in the import folder.", { exact: false }),
    ).toBeVisible();

    await page.getByLabel("Dataset").selectOption("nucc_taxonomy");
    await path.fill("/etc/passwd");
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(
      page.getByText("Only files in the server's import folder can be loaded.", { exact: false }),
    ).toBeVisible();
    await expect(page.getByText("root:")).toHaveCount(0);

    await path.fill("http://127.0.0.1:3100/api/auth/session");
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(
      page.getByText(
        "127.0.0.1:3100 is a private or local address; imports are downloaded only from public addresses.",
      ),
    ).toBeVisible();
  });
});

test("a tenant admin sees what was loaded and when, not who loaded it, and cannot load", async ({
  signInAs,
  baseURL,
}) => {
  const { page } = await signInAs(TENANT_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
  await page.waitForURL("**/admin/data");
  await expect(page.getByText("Only a platform operator can load data")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start import" })).toHaveCount(0);
  await expect(page.getByTestId("source-nppes")).toContainText("demo file");
  await expect(page.getByTestId("run-row").first()).toBeVisible();
  // Operators' names never show here; the demo seed's runs say they came from the seed.
  await expect(page.getByTestId("run-started-by").filter({ hasText: "Jordan Ellis" })).toHaveCount(0);
  await expect(page.getByTestId("run-started-by").filter({ hasText: "Demo seed" }).first()).toBeVisible();

  const headers = { origin: baseURL!, "content-type": "application/octet-stream" };
  const upload = await page.request.post("/api/imports?dataset=nucc_taxonomy&name=x.csv", { headers, data: "Code\n" });
  expect(upload.status()).toBe(403);
  expect((await upload.json()) as { message: string }).toEqual({
    message:
      "Only a platform operator can load reference data files: they are shared by every organisation on this server.",
  });
});

test("a rep has no Data link and opening the screen says it is for admins", async ({ signInAs }) => {
  const { page } = await signInAs(REP);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" })).toHaveCount(0);
  await page.goto("/admin/data");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start import" })).toHaveCount(0);
});

test("the job and upload endpoints answer plainly: no Inngest server here, uploads for platform operators only", async ({
  signInAs,
  request,
  baseURL,
}) => {
  const inngest = await request.get("/api/inngest");
  expect(inngest.status()).toBe(503);
  expect((await inngest.json()) as { message: string }).toMatchObject({
    message: expect.stringContaining("no Inngest server is configured"),
  });

  const { page } = await signInAs(REP);
  const headers = { origin: baseURL!, "content-type": "application/octet-stream" };
  const upload = await page.request.post("/api/imports?dataset=part_d&name=x.csv", { headers, data: "npi\n" });
  expect(upload.status()).toBe(403);
  expect((await upload.json()) as { message: string }).toEqual({
    message:
      "Only a platform operator can load reference data files: they are shared by every organisation on this server.",
  });
});
