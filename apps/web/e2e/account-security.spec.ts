import { Secret, TOTP } from "otpauth";

import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

// Users no other spec signs in as: turning on two-step verification or signing out everywhere must not disturb them
// (the Northeast manager is analytics-chat.spec's).
const MFA_USER = "manager.west@northwind.demo";
const EVERYWHERE_USER = "rep.losangeles@northwind.demo";

test("a manager turns on two-step verification; the next sign-in asks for a code, and a recovery code works once", async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(MFA_USER, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");

  await page.getByRole("link", { name: "Account security" }).click();
  await expect(page.getByTestId("mfa-status")).toHaveText(/Off/);
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByTestId("mfa-qr")).toBeVisible();
  const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s/g, "");
  const code = TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  await page.getByLabel("Code from the app").fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  const recoveryCodes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  const codes = await recoveryCodes.allInnerTexts();
  await page.getByRole("link", { name: /I have saved them/ }).click();
  await expect(page.getByTestId("mfa-status")).toHaveText(/On/);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await signIn.signIn(MFA_USER, DEMO_PASSWORD);
  await page.waitForURL("**/sign-in/verify**");
  // Part-way signed in is not signed in.
  await page.goto("/physicians");
  await page.waitForURL("**/sign-in/verify**");
  await page.getByLabel("Code").fill("000000" === code ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("verify-error")).toContainText("That code did not work");
  await page.getByLabel("Code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  // On to the page asked for while part-way signed in.
  await page.waitForURL((url) => url.pathname === "/physicians");

  // Turning it off needs a code too (a second recovery code here; the first is used up).
  await page.goto("/account/security");
  const turnOff = page.getByRole("region", { name: "Turn off" });
  await turnOff.getByLabel(/Code from your app/).fill(codes[0]!);
  await turnOff.getByRole("button", { name: "Turn off" }).click();
  await expect(turnOff.getByRole("alert")).toContainText("That code did not work");
  await turnOff.getByLabel(/Code from your app/).fill(codes[1]!);
  await turnOff.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByTestId("mfa-status")).toHaveText(/Off/);
  await expect(page.getByRole("button", { name: "Set up two-step verification" })).toBeVisible();
});

test("sign out everywhere ends the sessions on the other devices at their next request", async ({ browser }) => {
  const devices = await Promise.all([browser.newContext(), browser.newContext()]);
  const [laptop, phone] = await Promise.all(devices.map((d) => d.newPage()));
  for (const page of [laptop!, phone!]) {
    const signIn = new SignInPage(page);
    await signIn.goto("/physicians");
    await signIn.signIn(EVERYWHERE_USER, DEMO_PASSWORD);
    await page.waitForURL("**/physicians");
  }
  await laptop!.goto("/account/security");
  await expect(laptop!.getByRole("table").getByRole("row")).toHaveCount(3); // header + two devices
  await laptop!.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop!.waitForURL((url) => url.pathname === "/sign-in");

  await phone!.reload();
  await expect(phone!).toHaveURL(/\/sign-in/);
  expect((await devices[1]!.request.get("/api/trpc/viewer.me")).status()).toBe(401);
  await Promise.all(devices.map((d) => d.close()));
});

test("an admin sees the org's users with their two-step status, and the demo org does not require it", async ({
  signInAs,
}) => {
  const { page } = await signInAs("admin@northwind.demo");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-rep.boston@northwind.demo")).toContainText("Kevin Walsh");
  await expect(page.getByLabel("Admins must use two-step verification")).not.toBeChecked();
});
