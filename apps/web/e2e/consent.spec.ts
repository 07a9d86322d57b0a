// Consent captured on the HCP page: a rep records an email opt-in from a signed form with its evidence; the consent
// table shows it in force, the history shows who recorded it and the evidence; an opt-out afterwards wins, and both
// stay in the history.
import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

test("a rep records email consent with its evidence, then an opt-out; the history keeps both", async ({ signInAs }) => {
  const { api, hcp, page } = await signInAs(users.northwindBostonRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.consent);
  await hcp.goto(profile.hcp.npi);
  const card = page.getByTestId("consent");
  const evidence = uniqueNote("Form NW-2291");

  await card.getByRole("button", { name: "Record consent" }).click();
  const form = card.getByRole("form", { name: "Record consent" });
  await form.getByLabel("Channel").selectOption({ label: "Email" });
  await form.getByLabel("Opt in").check();
  await form.getByLabel("How it was given").selectOption({ label: "Signed form" });
  await form.getByLabel("Evidence (optional)").fill(evidence);
  await form.getByRole("button", { name: "Record" }).click();
  await expect(card.getByTestId("consent-saved")).toContainText("Opt-in for Email recorded.");

  const history = card.getByTestId("consent-history");
  await history.locator("summary").click();
  const first = history.locator("li").first();
  await expect(first).toContainText("Opt-in");
  await expect(first).toContainText("signed form");
  await expect(first).toContainText(evidence);
  await expect(first).toContainText("Kevin Walsh");

  await card.getByRole("button", { name: "Record consent" }).click();
  await form.getByLabel("Channel").selectOption({ label: "Email" });
  await form.getByLabel("Opt out").check();
  await form.getByLabel("How it was given").selectOption({ label: "Email reply" });
  await form.getByRole("button", { name: "Record" }).click();
  await expect(card.getByTestId("consent-saved")).toContainText("Opt-out for Email recorded.");
  // The email row of the table (all products) now says revoked; the history has both, the opt-out on top.
  await expect(card.getByRole("row").filter({ hasText: "Email" }).filter({ hasText: "All products" })).toContainText(
    "Revoked",
  );
  await expect(history.locator("li").first()).toContainText("Opt-out");
  await expect(history).toContainText(evidence);
});
