import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

// Northwind and Acme both cover Boston: the same HCPs, two tenants. Neither may see the other's calls.
test("another org's rep in the same territory does not see Northwind's calls", async ({ signInAs }) => {
  const northwind = await signInAs(users.northwindBostonRep);
  const profile = await northwind.api.territoryHcpWithCalls(hcpSlot.isolation);
  const note = uniqueNote("Isolation check");
  const [product] = await northwind.api.products();
  const logged = await northwind.api.logCall({
    npi: profile.hcp.npi,
    channel: "phone",
    occurredAt: new Date(),
    productIds: [product!.id],
    notes: note,
  });
  expect(logged.status).toBe("submitted");

  // Positive control: Northwind sees its calls, including the new one.
  await northwind.hcp.goto(profile.hcp.npi);
  await expect(northwind.hcp.interactions.first()).toContainText(note);
  const northwindCount = await northwind.hcp.count();
  expect(northwindCount).toBe(profile.interactions.length + 1);

  const acme = await signInAs(users.acmeBostonRep);
  const acmeProfile = await acme.api.profile(profile.hcp.npi);
  expect(acmeProfile.inMyTerritories).toBe(true);
  await acme.hcp.goto(profile.hcp.npi);
  await expect(acme.hcp.name).toContainText(profile.hcp.name);
  await expect(acme.page.getByText("In your territory")).toBeVisible();

  expect(await acme.hcp.count()).toBe(acmeProfile.interactions.length);
  await expect(acme.page.getByText(note)).toHaveCount(0);
  await expect(acme.page.getByText("Kevin Walsh")).toHaveCount(0);
  await expect(acme.hcp.interactions).toHaveCount(acmeProfile.interactions.length);
  for (const call of acmeProfile.interactions) expect(call.notes).not.toBe(note);
});
