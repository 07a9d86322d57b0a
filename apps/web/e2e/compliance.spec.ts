// An admin keeps the compliance library the copilot's drafts are checked against: a phrase banned and a claim
// approved take effect in the check at once; both are put back. Acme's: no other spec checks Acme's drafts.
import { expect, test } from "./fixtures";

test("an admin bans a phrase and approves a claim, sees the check change, then withdraws both", async ({
  signInAs,
}) => {
  const { page } = await signInAs("admin@acme.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }).click();
  await expect(page.getByRole("heading", { name: "Compliance library", level: 1 })).toBeVisible();
  await expect(page.getByTestId("claims-Trelegy Ellipta")).toContainText("2 approved claims");
  await expect(page.getByTestId("banned-phrases")).toContainText("works instantly");

  const checkForm = page.getByRole("form", { name: "Check a sentence" });
  const result = page.getByTestId("check-result");
  const check = async (text: string) => {
    await checkForm.getByLabel("Text").fill(text);
    await checkForm.getByLabel("About").selectOption({ label: "Trelegy Ellipta" });
    await checkForm.getByRole("button", { name: "Check" }).click();
  };

  const ban = page.getByRole("form", { name: "Ban a phrase" });
  await ban.getByLabel("Ban a phrase").fill("no");
  await ban.getByRole("button", { name: "Ban" }).click();
  await expect(ban).toContainText("The phrase: at least 3 characters.");
  await ban.getByLabel("Ban a phrase").fill("Act   Today");
  await ban.getByRole("button", { name: "Ban" }).click();
  await expect(page.getByTestId("compliance-notice")).toHaveText("“Act Today” is banned from drafts.");
  await check("Please act today and call me.");
  await expect(result).toContainText('uses the banned phrase "act today"');

  const sentence = "Trelegy Ellipta is a once-daily single inhaler for the maintenance treatment of COPD.";
  await check(sentence);
  await expect(result).toContainText("says what Trelegy Ellipta does in words that are not an approved claim");
  const claims = page.getByTestId("claims-Trelegy Ellipta");
  await claims.getByLabel("New claim, as reps may quote it").fill(sentence);
  await claims.getByLabel("Reference (label section, study)").fill("Prescribing information, section 2");
  await claims.getByRole("button", { name: "Approve claim" }).click();
  await expect(page.getByTestId("compliance-notice")).toHaveText("The claim is approved for Trelegy Ellipta.");
  await expect(claims).toContainText("3 approved claims");
  await check(sentence);
  await expect(result).toHaveText("Nothing to flag.");

  page.once("dialog", (dialog) => void dialog.accept());
  await claims.getByRole("button", { name: /Withdraw the claim “Trelegy Ellipta is a once-daily/ }).click();
  await expect(page.getByTestId("compliance-notice")).toHaveText("The claim is withdrawn from Trelegy Ellipta.");
  await expect(claims).toContainText("2 approved claims");
  await page.getByRole("button", { name: "Stop banning “Act Today”" }).click();
  await expect(page.getByTestId("compliance-notice")).toHaveText("The phrase is no longer banned.");
  await check("Please act today and call me.");
  await expect(result).toHaveText("Nothing to flag.");
});
