import { expect, type Locator, type Page } from "@playwright/test";

export class PhysicianListPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly resultCount: Locator;
  readonly search: Locator;
  readonly specialty: Locator;
  readonly state: Locator;
  readonly onlyMine: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Physicians", level: 1 });
    this.rows = page.getByTestId("physician-row");
    this.resultCount = page.getByTestId("result-count");
    this.search = page.getByRole("searchbox", { name: "Search by name or NPI" });
    this.specialty = page.getByLabel("Specialty", { exact: true });
    this.state = page.getByLabel("State", { exact: true });
    this.onlyMine = page.getByLabel("Only my territories");
  }

  async goto(query = "") {
    await this.page.goto(`/physicians${query}`);
    await this.waitForResults();
  }

  async waitForResults() {
    await expect(this.heading).toBeVisible();
    await expect(this.resultCount).toContainText(/\d+ physicians?/);
    await expect(this.page.locator("table[aria-busy=true]")).toHaveCount(0);
  }

  /** The number in "1,234 physicians". */
  async total(): Promise<number> {
    const text = (await this.resultCount.textContent()) ?? "";
    return Number(/([\d,]+) physicians?/.exec(text)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  }

  nameCells() {
    return this.rows.locator("td:nth-child(2) a");
  }

  specialtyCells() {
    return this.rows.locator("td:nth-child(3)");
  }

  async open(name: string) {
    await this.rows.getByRole("link", { name, exact: true }).click();
    await this.page.waitForURL(/\/physicians\/\d{10}$/);
  }
}
