// An admin adds a person without the seed: an invitation link they choose their password through, then sign in
// with; a password link later replaces it and ends their open session. Acme's admin: no other spec counts its users.
import type { BrowserContext } from "@playwright/test";

import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

const contexts: BrowserContext[] = [];
test.afterEach(() => Promise.all(contexts.splice(0).map((c) => c.close())));

test("an admin invites a rep who sets a password through the link and signs in; a password link resets it", async ({
  signInAs,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `nora.${stamp}@acme.demo`;
  const { page } = await signInAs("admin@acme.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Name").fill("Nora Field");
  await form.getByLabel("Work email").fill("nora at acme");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form).toContainText("Enter a valid email address.");
  await form.getByLabel("Work email").fill(email.toUpperCase());
  await form.getByRole("button", { name: "Invite" }).click();
  const issued = page.getByTestId("issued-link");
  await expect(issued).toContainText("Nora Field is invited. Send them this link to choose their password");
  const invitation = await issued.getByLabel("Link to send").inputValue();
  expect(invitation).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`user-${email}`)).toContainText("Invited, link until");

  // The invitee, in a browser of their own (closed after the test, passed or not).
  const context = await browser.newContext();
  contexts.push(context);
  const invitee = await context.newPage();
  await invitee.goto(invitation);
  await expect(invitee.getByRole("heading", { name: "Welcome, Nora Field" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  const choose = async (password: string, again = password) => {
    await invitee.getByLabel("New password").fill(password);
    await invitee.getByLabel("The same password again").fill(again);
    await invitee.getByRole("button", { name: "Set password" }).click();
  };
  await choose("too short");
  await expect(invitee.getByText("Use at least 12 characters.")).toBeVisible();
  await choose("a long first passphrase", "a long first passphrasf");
  await expect(invitee.getByText("The two passwords are not the same.")).toBeVisible();
  await choose("a long first passphrase");
  await expect(invitee.getByTestId("password-set")).toHaveText("Your password is set. Sign in with it.");
  const signIn = new SignInPage(invitee);
  await signIn.signIn(email, "a long first passphrase");
  await invitee.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await expect(invitee.getByRole("navigation", { name: "Main" })).toBeVisible();

  // The invitation is used up.
  await invitee.goto(invitation);
  await expect(invitee.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(invitee.getByText("This link was already used")).toBeVisible();

  // A password link: the old password works until it is used; using it ends the open session.
  await page.reload();
  const row = page.getByTestId(`user-${email}`);
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Password link" }).click();
  await expect(page.getByTestId("issued-link")).toContainText("Send Nora Field this link to choose a new password");
  const reset = await page.getByTestId("issued-link").getByLabel("Link to send").inputValue();
  expect(reset).not.toBe(invitation);
  const other = await browser.newContext();
  contexts.push(other);
  const resetPage = await other.newPage();
  await resetPage.goto(reset);
  await expect(resetPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await resetPage.getByLabel("New password").fill("a long second passphrase");
  await resetPage.getByLabel("The same password again").fill("a long second passphrase");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByTestId("password-set")).toBeVisible();

  await invitee.goto("/physicians");
  await expect(invitee).toHaveURL(/\/sign-in/);
  await signIn.signIn(email, "a long first passphrase");
  await expect(invitee.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await signIn.signIn(email, "a long second passphrase");
  await invitee.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

  // Their own change, on the security page: the current password first; then they sign in again.
  await invitee.goto("/account/security");
  const change = invitee.getByRole("form", { name: "Change password" });
  await change.getByLabel("Current password").fill("a long first passphrase");
  await change.getByLabel("New password (at least 12 characters)").fill("a long third passphrase");
  await change.getByLabel("The new password again").fill("a long third passphrase");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change).toContainText("That is not your current password.");
  await change.getByLabel("Current password").fill("a long second passphrase");
  await change.getByLabel("New password (at least 12 characters)").fill("a long third passphrase");
  await change.getByLabel("The new password again").fill("a long third passphrase");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(invitee.getByTestId("password-set")).toBeVisible();
  await signIn.signIn(email, "a long third passphrase");
  await invitee.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
});
