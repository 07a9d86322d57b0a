// My calls: a rep logs a call, finds it in My calls by channel, hides a column (kept in the address), and exports
// what is shown as CSV.
import { readFileSync } from "node:fs";

import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";

test("a rep finds a logged call in My calls, filters, hides a column and exports CSV", async ({ signInAs }) => {
  const { api, hcp, page } = await signInAs(users.northwindNewYorkRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.myCalls);
  const note = uniqueNote("Asked about the renal dosing card");
  await hcp.goto(profile.hcp.npi);
  const [product] = await api.products();
  await hcp.fillCall({ channel: "Video", products: [product!.name], notes: note });
  await hcp.save();
  await expect(page.getByText("Call submitted.")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  await expect(page.getByRole("heading", { name: "My calls" })).toBeVisible();
  const mine = page.getByTestId("my-call").filter({ hasText: note });
  await expect(mine).toContainText("Video");

  await page.getByLabel("Channel").selectOption({ label: "Phone" });
  await expect(mine).toHaveCount(0);
  await page.getByLabel("Channel").selectOption({ label: "Video" });
  await expect(mine).toBeVisible();
  expect(new URL(page.url()).searchParams.get("channel")).toBe("video");

  await page.getByRole("search", { name: "Filter my calls" }).getByLabel("Notes").uncheck();
  await expect(page.getByRole("columnheader", { name: "Notes" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Notes" })).toHaveCount(0);
  await expect(page.getByTestId("my-call").first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("my-calls.csv");
  const text = readFileSync(await file.path(), "utf8");
  expect(text.split("\r\n")[0]).toBe("Date,Status,Physician,NPI,Channel,Products,Samples");
  expect(text).toContain(profile.hcp.npi);

  // Dates the wrong way round are said, not sent.
  await page.getByLabel("From").fill("2026-12-31");
  await page.getByLabel("To").fill("2026-01-01");
  await expect(page.getByText("The dates are the wrong way round")).toBeVisible();
});
