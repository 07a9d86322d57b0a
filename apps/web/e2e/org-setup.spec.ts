// An admin's org setup on the users screen: a rep's territories (what they see from their next page) and the call
// reports' back-dating limit. Both are put back at the end: other specs sign in as these people.
import { expect, test } from "./fixtures";

test("an admin gives a rep a second territory and sets the back-dating limit, then puts both back", async ({
  signInAs,
}) => {
  const admin = await signInAs("admin@northwind.demo");
  const { page } = admin;
  await page.goto("/admin/users");
  const rep = page.getByTestId("user-rep.losangeles@northwind.demo");
  await expect(rep).toContainText("Los Angeles");

  const change = async (territory: string, on: boolean) => {
    await rep.getByRole("button", { name: /Change .*territories/ }).click();
    const box = rep.getByRole("group", { name: /Territories of/ }).getByRole("checkbox", { name: territory });
    if (on) await box.check();
    else await box.uncheck();
    await rep.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("users-notice")).toContainText("territories are saved");
  };
  await change("San Francisco", true);
  await expect(rep).toContainText("Los Angeles, San Francisco");

  // (That the rep then sees San Francisco's physicians is the domain's test: account-security.spec signs this rep
  // out everywhere in parallel.)
  await page.reload();
  await change("San Francisco", false);
  await expect(rep).not.toContainText("San Francisco");

  const days = page.getByLabel("Submit calls within (days of the visit)");
  await expect(days).toHaveValue("30");
  await days.fill("45");
  await page.getByRole("form", { name: "Call report rules" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("users-notice")).toHaveText("Calls must now be submitted within 45 days of the visit.");
  await days.fill("0");
  await page.getByRole("form", { name: "Call report rules" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("form", { name: "Call report rules" })).toContainText("At least 1 day.");
  await days.fill("30");
  await page.getByRole("form", { name: "Call report rules" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("users-notice")).toHaveText("Calls must now be submitted within 30 days of the visit.");
});

test("an admin sets a product's sampling limits, is told when they contradict, and clears them", async ({
  signInAs,
}) => {
  // Farxiga: not sampled in the demo, so no other spec's call report depends on its limits.
  const { page } = await signInAs("admin@northwind.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  const row = page.getByTestId("product-Farxiga");
  await row.getByLabel("Farxiga units per call").fill("10");
  await row.getByLabel("Farxiga units per physician a year").fill("5");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("The yearly limit cannot be below the per-call limit.");
  await row.getByLabel("Farxiga units per physician a year").fill("50");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("products-notice")).toHaveText("Farxiga is saved.");
  await page.reload();
  await expect(page.getByTestId("product-Farxiga").getByLabel("Farxiga units per call")).toHaveValue("10");
  await page.getByTestId("product-Farxiga").getByLabel("Farxiga units per call").fill("");
  await page.getByTestId("product-Farxiga").getByLabel("Farxiga units per physician a year").fill("");
  await page.getByTestId("product-Farxiga").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("products-notice")).toHaveText("Farxiga is saved.");
});

test("an admin makes a market of Part D drugs: a name Part D does not know is refused, a real one added and taken out", async ({
  signInAs,
}) => {
  // Acme's: a new market no product counts in, so no other spec's share moves.
  const stamp = Date.now().toString(36).slice(-5);
  const name = `Respiratory ${stamp}`;
  const { page } = await signInAs("admin@acme.demo");
  await page.goto("/admin/products");
  const newMarket = page.getByRole("form", { name: "New market" });
  await newMarket.getByLabel("New market").fill(name);
  await newMarket.getByLabel("Therapeutic area").fill("Pulmonology");
  await newMarket.getByRole("button", { name: "Create market" }).click();
  await expect(page.getByTestId("products-notice")).toHaveText(
    `${name} is created: add its drugs, then choose it for a product.`,
  );
  const market = page.getByTestId(`market-${name}`);
  await expect(market).toContainText("Pulmonology · no product");
  const drug = market.getByLabel(`Part D brand name to add to ${name}`);
  await drug.fill("nosuchdrug");
  await market.getByRole("button", { name: "Add drug" }).click();
  await expect(market).toContainText("No Part D prescribing names nosuchdrug");
  await drug.fill("xarelto");
  await market.getByRole("button", { name: "Add drug" }).click();
  await expect(page.getByTestId("products-notice")).toHaveText(`XARELTO is in ${name}.`);
  await expect(market.getByRole("list", { name: `Drugs in ${name}` })).toContainText("XARELTO");
  await market.getByRole("button", { name: `Take XARELTO out of ${name}` }).click();
  await expect(page.getByTestId("products-notice")).toHaveText(`XARELTO is no longer in ${name}.`);
  await expect(market).toContainText("No drugs yet.");
});
