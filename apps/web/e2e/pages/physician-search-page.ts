import { expect, type Locator, type Page } from "@playwright/test";

export class PhysicianSearchPage {
  readonly heading: Locator;
  readonly results: Locator;
  readonly resultCount: Locator;
  readonly search: Locator;
  readonly specialty: Locator;
  readonly state: Locator;
  readonly onlyMine: Locator;
  readonly understood: Locator;
  readonly showMore: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Physicians", level: 1 });
    this.results = page.getByTestId("search-result");
    this.resultCount = page.getByTestId("result-count");
    this.search = page.getByRole("searchbox", { name: "Search physicians" });
    this.specialty = page.getByLabel("Specialty", { exact: true });
    this.state = page.getByLabel("State", { exact: true });
    this.onlyMine = page.getByLabel("Only my territories");
    this.understood = page.getByTestId("understood");
    this.showMore = page.getByRole("button", { name: "Show more results" });
  }

  async goto(query = "") {
    await this.page.goto(`/physicians${query}`);
    await this.waitForResults();
  }

  async waitForResults() {
    await expect(this.heading).toBeVisible();
    await expect(this.resultCount).toContainText(/\d+\+? physicians?/);
    await expect(this.page.getByRole("status", { name: "Loading physicians" })).toHaveCount(0);
  }

  /** The number in "1,234 physicians". */
  async total(): Promise<number> {
    const text = (await this.resultCount.textContent()) ?? "";
    return Number(/([\d,]+)\+? physicians?/.exec(text)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  }

  names() {
    return this.results.getByTestId("result-name");
  }

  specialties() {
    return this.results.getByTestId("result-specialty");
  }

  /** Sets a filter field: type, then leave the field (filters apply on blur or Enter). */
  async setFilter(field: Locator, value: string) {
    await field.fill(value);
    await field.press("Enter");
  }

  async open(name: string) {
    await this.results
      .getByRole("link")
      .filter({ has: this.page.getByTestId("result-name").getByText(name, { exact: true }) })
      .first()
      .click();
    await this.page.waitForURL(/\/physicians\/\d{10}$/);
  }
}
