import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

test("an admin reads a rep's call in the audit trail, filters it in the URL, exports it, and erases the physician's notes", async ({
  signInAs,
}) => {
  const rep = await signInAs(users.northwindBostonRep);
  const repMe = await rep.api.me();
  const profile = await rep.api.territoryHcpWithCalls(hcpSlot.erasure);
  const npi = profile.hcp.npi;
  const note = uniqueNote("Mentioned her husband's surgery");
  const [product] = await rep.api.products();
  // A call names a product discussed to be submitted (and so audited as interaction.submit).
  const logged = await rep.api.logCall({
    npi,
    channel: "phone",
    occurredAt: new Date(),
    productIds: [product!.id],
    notes: note,
  });
  expect(logged.status).toBe("submitted");

  const admin = await signInAs("admin@northwind.demo");
  await admin.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await admin.page.waitForURL("**/admin/audit");
  await expect(admin.page.getByTestId("audit-chain-status")).toContainText("Chain intact");

  // Filters live in the URL: a reload keeps them.
  await admin.page.getByLabel("Action").selectOption("interaction.submit");
  await admin.page.getByLabel("Person").selectOption({ label: `${repMe.name} (${repMe.email})` });
  await expect(admin.page).toHaveURL(/action=interaction\.submit/);
  await admin.page.reload();
  await expect(admin.page.getByLabel("Action")).toHaveValue("interaction.submit");
  const newest = admin.page.getByTestId("audit-trail-row").first();
  await expect(newest).toContainText(repMe.email);
  await expect(newest).toContainText("interaction.submit");
  await newest.getByRole("button", { name: /Show the changes/ }).click();
  await expect(admin.page.getByRole("table", { name: "Changes" })).toContainText(note);

  const download = admin.page.waitForEvent("download");
  await admin.page.getByTestId("audit-trail-export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-trail-.+\.csv$/);
  const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toContain("seq,occurred_at,actor_email");
  expect(lines.slice(1).every((line) => line.includes(",interaction.submit,"))).toBe(true);
  expect(csv).toContain(note);

  // Erasure from the physician's page, behind the typed NPI.
  await admin.page.goto(`/physicians/${npi}`);
  await admin.page.getByTestId("erasure-start").click();
  await expect(admin.page.getByTestId("erasure-confirm")).toBeDisabled();
  await admin.page.getByLabel(/Type the physician's NPI/).fill(npi);
  await admin.page.getByTestId("erasure-confirm").click();
  await expect(admin.page.getByTestId("erasure-done")).toContainText("The erasure is recorded in the audit trail");

  const after = await rep.api.profile(npi);
  expect(after.interactions).toHaveLength(profile.interactions.length + 1);
  expect(after.interactions.some((i) => i.notes === note)).toBe(false);
  expect(after.interactions.every((i) => i.notes === null || /^\[erased \d{4}-\d{2}-\d{2}\]$/.test(i.notes))).toBe(
    true,
  );
  expect(after.hcp).toEqual(profile.hcp);

  await admin.page.goto(`/admin/audit?action=person.erase&entity=${npi}`);
  await expect(admin.page.getByTestId("audit-trail-row").first()).toContainText("person.erase");
  await expect(admin.page.getByTestId("audit-chain-status")).toContainText("Chain intact");

  await expect(
    rep.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }),
  ).toHaveCount(0);
  await rep.page.goto("/admin/audit");
  await expect(rep.page.getByText("Admins only")).toBeVisible();
});
