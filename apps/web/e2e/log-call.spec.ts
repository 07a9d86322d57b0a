import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

test("a Northwind rep logs a call and sees it at the top of the timeline", async ({ signInAs }) => {
  const { api, hcp } = await signInAs(users.northwindBostonRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.logCall);
  const sampleable = (await api.products()).find((p) => p.sampleable)!;
  const note = uniqueNote("Discussed renal dosing; left the dosing card.");

  await hcp.goto(profile.hcp.npi);
  const before = await hcp.count();
  await hcp.fillCall({
    channel: "In person",
    products: [sampleable.name],
    sample: { product: sampleable.name, quantity: 3 },
    signed: true,
    notes: note,
    followUp: "Bring the formulary update",
  });
  await hcp.save();

  await expect(hcp.page.getByText("Call submitted.")).toBeVisible();
  await expect(hcp.form).toBeHidden();
  const top = hcp.interactions.first();
  await expect(top).toContainText(note);
  await expect(top).toContainText("In person");
  await expect(top).toContainText("Kevin Walsh");
  await expect(top).toContainText(`${sampleable.name} × 3`);
  await expect(top).toContainText("Bring the formulary update");
  expect(await hcp.count()).toBe(before + 1);

  // It is stored, not just drawn: a reload still shows it.
  await hcp.page.reload();
  await expect(hcp.interactions.first()).toContainText(note);
});

test("a call in the future is refused with the reason next to the date", async ({ signInAs }) => {
  const { api, hcp } = await signInAs(users.northwindBostonRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.logCall);
  await hcp.goto(profile.hcp.npi);
  const before = await hcp.count();

  const nextYear = new Date().getFullYear() + 1;
  await hcp.fillCall({ channel: "Phone", occurredAt: `${nextYear}-01-15T10:00`, notes: uniqueNote("Future call") });
  await hcp.save();

  await expect(hcp.form.getByText("A call cannot be in the future.")).toBeVisible();
  await expect(hcp.form.getByLabel("Date and time")).toHaveAttribute("aria-invalid", "true");
  expect(await hcp.count()).toBe(before);
});
