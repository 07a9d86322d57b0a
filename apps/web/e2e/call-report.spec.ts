// A rep's call report with no copilot: a shipment received into the sample stock, an in-person call with two
// products and a sample from that lot, refused until the physician signs, submitted and locked; the stock drops; an
// admin unlocks it with a reason and the rep finds it as a draft again, stock returned.
import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

test("a rep submits a signed call with samples from a lot, it locks, and an admin unlocks it", async ({ signInAs }) => {
  const { page, api, hcp } = await signInAs(users.northwindBostonRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.callReport);
  const products = await api.products();
  const sampled = products.find((p) => p.sampleable)!;
  const other = products.find((p) => p.id !== sampled.id)!;
  const lot = `E2E${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const note = uniqueNote("Walked through the renal dosing card");

  // The shipment arrives.
  await page.goto("/samples");
  const receive = page.getByRole("form", { name: "Record a shipment" });
  await receive.getByLabel("Product").selectOption({ label: sampled.name });
  await receive.getByLabel("Lot number").fill(lot.toLowerCase());
  await receive.getByLabel("Units received").fill("50");
  await receive.getByRole("button", { name: "Record shipment" }).click();
  await expect(page.getByText(`Recorded 50 units of lot ${lot}.`)).toBeVisible();
  await expect(page.getByTestId("stock-lot").filter({ hasText: lot })).toContainText("50");

  // The call: two products in the order discussed, five units of the new lot, not yet signed.
  await hcp.goto(profile.hcp.npi);
  await hcp.fillCall({
    channel: "In person",
    products: [sampled.name, other.name],
    sample: { product: sampled.name, quantity: 5, lot },
    notes: note,
  });
  await hcp.save();
  await expect(hcp.form.getByText("Samples need the physician's signature: ask them to sign.")).toBeVisible();
  await expect(hcp.form.getByTestId("call-report-notice")).toContainText("it is saved as a draft");
  await hcp.sign();
  await hcp.save();
  await expect(page.getByText("Call submitted.")).toBeVisible();
  await expect(hcp.interactions.first()).toContainText(note);
  await expect(hcp.interactions.first()).toContainText(`${sampled.name} × 5`);

  // Locked: the call's page reads back what was submitted, with no way to edit it.
  await page.goto("/calls");
  const row = page.getByTestId("my-call").filter({ hasText: note });
  await expect(row).toContainText("Submitted");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /Call with/ })).toContainText("Submitted");
  await expect(page.getByText(`${sampled.name} × 5 (lot ${lot})`)).toBeVisible();
  await expect(page.getByText(`1. ${sampled.name}  2. ${other.name}`)).toBeVisible();
  await expect(page.getByRole("img", { name: "The physician's signature" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Call report" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Unlock/ })).toHaveCount(0);
  const callUrl = page.url();

  await page.goto("/samples");
  await expect(page.getByTestId("stock-lot").filter({ hasText: lot })).toContainText("45");
  await expect(page.getByRole("table", { name: "Stock movements" })).toContainText("Dropped at a call");

  // An admin reopens it with a reason.
  const admin = await signInAs("admin@northwind.demo");
  await admin.page.goto(callUrl);
  await admin.page.getByRole("button", { name: "Unlock…" }).click();
  await admin.page.getByLabel("Reason").fill("Wrong lot number recorded");
  await admin.page.getByRole("button", { name: "Unlock the call" }).click();
  await expect(
    admin.page.getByText("Call unlocked: it is the rep's draft again, to correct and submit."),
  ).toBeVisible();

  // The rep finds it as a draft with the reason, the units back in stock.
  await page.goto(callUrl);
  await expect(page.getByText("An admin unlocked this call: “Wrong lot number recorded”")).toBeVisible();
  await expect(page.getByRole("form", { name: "Call report" }).getByLabel("Notes")).toHaveValue(note);
  await page.goto("/samples");
  await expect(page.getByTestId("stock-lot").filter({ hasText: lot })).toContainText("50");
});
