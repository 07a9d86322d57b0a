// The admin Data screen: upload a real CMS file, watch its run reach 100 %, read its counts and quarantine.
// The dirty Part D copy holds NPIs outside the demo population, so loading it changes no other spec's data.
import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";
import { expect, test } from "./fixtures";

const ADMIN = "admin@northwind.demo";
const REP = "rep.boston@northwind.demo";
const FILE = "USA_Presc_Medicare_Data_2021_COURSE_MODIFIED.csv";

test("an admin uploads a Part D file and watches the import reach 100 %", async ({ signInAs }) => {
  const { page } = await signInAs(ADMIN);
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
  await expect(page.getByTestId("source-part_d")).toContainText("DY2021");

  await run.getByRole("link", { name: FILE }).click();
  await page.waitForURL("**/admin/data/runs/*");
  await expect(page.getByTestId("count-read")).toHaveText("105");
  await expect(page.getByTestId("count-loaded")).toHaveText("91");
  await expect(page.getByTestId("count-quarantined")).toHaveText("14");
  await expect(page.getByText("Duplicate rule: first valid row of an NPI × brand name × generic name wins", { exact: false })).toBeVisible();
  const quarantined = page.getByTestId("quarantined-row");
  await expect(quarantined).toHaveCount(14);
  await expect(quarantined.nth(1)).toContainText("duplicate of line 2 (same NPI 1437118403 and drug METHENAMINE HIPPURATE)");
});

test("a server path that is not there is refused in words", async ({ signInAs }) => {
  const { page } = await signInAs(ADMIN);
  await page.goto("/admin/data");
  await page.getByLabel("Dataset").selectOption("open_payments");
  await page.getByLabel("Server path or URL").check();
  await page.getByLabel("File path or URL on the server").fill("/srv/cms/OP_DTL_GNRL_PGYR2024_P01232025.csv");
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByText("The import did not start")).toBeVisible();
  await expect(page.getByText("No file at /srv/cms/OP_DTL_GNRL_PGYR2024_P01232025.csv. Check the path; it is read on the server, not on your computer.")).toBeVisible();
});

test("a rep has no Data link and opening the screen says it is for admins", async ({ signInAs }) => {
  const { page } = await signInAs(REP);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" })).toHaveCount(0);
  await page.goto("/admin/data");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start import" })).toHaveCount(0);
});

test("the job and upload endpoints answer plainly: no Inngest server here, uploads for admins only", async ({ signInAs, request }) => {
  const inngest = await request.get("/api/inngest");
  expect(inngest.status()).toBe(503);
  expect((await inngest.json()) as { message: string }).toMatchObject({ message: expect.stringContaining("no Inngest server is configured") });

  const { page } = await signInAs(REP);
  const upload = await page.request.post("/api/imports?dataset=part_d&name=x.csv", { data: "npi\n" });
  expect(upload.status()).toBe(403);
  expect((await upload.json()) as { message: string }).toEqual({ message: "Only admins can load data files." });
});
