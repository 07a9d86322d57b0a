// Tasks in the screens: a manager gives a Boston rep a task; the rep finds it with the manager's name, adds their
// own (the NPI checked before sending), sees it overdue (on the copilot home too), reschedules it, and completes it.
import { expect, test, users } from "./fixtures";

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("a manager assigns a task; the rep creates, reschedules and completes their own", async ({ signInAs }) => {
  const stamp = Date.now();
  const manager = await signInAs(users.northwindNortheastManager);
  await manager.page.goto("/tasks");
  await manager.page.getByRole("button", { name: "New task" }).click();
  const assign = manager.page.getByRole("form", { name: "New task" });
  await assign.getByLabel("Title").fill(`Ride-along prep ${stamp}`);
  await assign.getByLabel("For").selectOption({ label: "Kevin Walsh" });
  await assign.getByRole("button", { name: "Create task" }).click();
  await expect(assign).toHaveCount(0);
  await manager.page.getByRole("button", { name: "My team" }).click();
  await expect(manager.page.getByTestId("task-row").filter({ hasText: `Ride-along prep ${stamp}` })).toContainText(
    "Kevin Walsh",
  );

  const rep = await signInAs(users.northwindBostonRep);
  const page = rep.page;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: `Ride-along prep ${stamp}` })).toContainText(
    "from David Okafor",
  );

  await page.getByRole("button", { name: "New task" }).click();
  const form = page.getByRole("form", { name: "New task" });
  await form.getByLabel("Title").fill(`Send the reprint ${stamp}`);
  await form.getByLabel("Physician's NPI (optional)").fill("12345");
  await form.getByLabel("Due on (optional)").fill(isoDay(-2));
  await form.getByRole("button", { name: "Create task" }).click();
  await expect(form).toContainText("An NPI is 10 digits.");
  await form.getByLabel("Physician's NPI (optional)").fill("");
  await form.getByRole("button", { name: "Create task" }).click();
  await expect(form).toHaveCount(0);

  const mine = page.getByTestId("task-row").filter({ hasText: `Send the reprint ${stamp}` });
  await expect(mine.getByText(/^Overdue since/)).toBeVisible();
  // The copilot home says what is overdue and leads to the overdue list.
  await page.goto("/");
  await expect(page.getByTestId("due-tasks")).toContainText(/\d+ overdue/);
  await page.getByTestId("due-tasks").getByRole("link", { name: "Open tasks" }).click();
  await expect(page.getByRole("button", { name: "Overdue", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(mine).toBeVisible();
  expect(new URL(page.url()).searchParams.get("status")).toBe("overdue");

  await mine.getByRole("button", { name: `Edit Send the reprint ${stamp}` }).click();
  const edit = page.getByRole("form", { name: "Edit task" });
  await edit.getByLabel("Due on").fill(isoDay(3));
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toHaveCount(0);
  // No longer overdue: gone from the overdue list, due in three days on the open one.
  await expect(mine).toHaveCount(0);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(mine).not.toContainText("Overdue");

  await mine.getByRole("button", { name: `Complete Send the reprint ${stamp}` }).click();
  await expect(mine).toHaveCount(0);
  await page.getByRole("button", { name: "Done", exact: true }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: `Send the reprint ${stamp}` })).toContainText("Done");
});
