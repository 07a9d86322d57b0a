import { expect, type Locator, type Page } from "@playwright/test";

export interface CallDetails {
  channel: "In person" | "Phone" | "Video" | "Email";
  products?: string[];
  sample?: { product: string; quantity: number };
  notes?: string;
  followUp?: string;
  /** datetime-local value, "YYYY-MM-DDTHH:mm"; default: the form's "now". */
  occurredAt?: string;
}

export class HcpPage {
  readonly name: Locator;
  readonly identity: Locator;
  readonly interactions: Locator;
  readonly interactionCount: Locator;
  readonly logCallButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId("hcp-name");
    this.identity = page.getByTestId("identity");
    this.interactions = page.getByTestId("interaction");
    this.interactionCount = page.getByTestId("interaction-count");
    this.logCallButton = page.getByRole("button", { name: "Log a call" });
    this.form = page.getByRole("form", { name: "Log a call" });
  }

  async goto(npi: string) {
    await this.page.goto(`/physicians/${npi}`);
    await expect(this.name).toBeVisible();
  }

  async count(): Promise<number> {
    return Number(await this.interactionCount.textContent());
  }

  async fillCall(call: CallDetails) {
    await this.logCallButton.click();
    await expect(this.form).toBeVisible();
    await this.form.getByRole("radio", { name: call.channel }).check({ force: true });
    if (call.occurredAt) await this.form.getByLabel("Date and time").fill(call.occurredAt);
    for (const product of call.products ?? []) await this.form.getByRole("checkbox", { name: product }).check();
    if (call.sample) {
      await this.form.getByRole("button", { name: "+ Add a sample" }).click();
      await this.form.getByLabel("Sample 1 product").selectOption({ label: call.sample.product });
      await this.form.getByLabel("Sample 1 quantity").fill(String(call.sample.quantity));
    }
    if (call.notes) await this.form.getByLabel("Notes").fill(call.notes);
    if (call.followUp) await this.form.getByLabel("Follow-up", { exact: true }).fill(call.followUp);
  }

  async save() {
    await this.form.getByRole("button", { name: "Save call" }).click();
  }
}
