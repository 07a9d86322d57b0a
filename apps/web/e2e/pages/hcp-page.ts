import { expect, type Locator, type Page } from "@playwright/test";

export interface CallDetails {
  channel: "In person" | "Phone" | "Video" | "Email";
  products?: string[];
  /** A sample from the rep's stock: the lot by its number, or the first lot the form offers. */
  sample?: { product: string; quantity: number; lot?: string };
  /** The physician signs on the pad (in-person samples). */
  signed?: boolean;
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
    this.form = page.getByRole("form", { name: "Call report" });
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
      await this.form.getByRole("button", { name: "Add a sample" }).click();
      await this.form.getByLabel("Sample 1 product").selectOption({ label: call.sample.product });
      const lot = this.form.getByLabel("Sample 1 lot");
      // The lots come from the rep's stock once it has loaded.
      await expect(lot.locator("option").nth(1)).toBeAttached();
      if (call.sample.lot) await lot.selectOption(call.sample.lot);
      else await lot.selectOption({ index: 1 });
      await this.form.getByLabel("Sample 1 quantity").fill(String(call.sample.quantity));
    }
    if (call.signed) await this.sign();
    if (call.notes) await this.form.getByLabel("Notes").fill(call.notes);
    if (call.followUp) await this.form.getByLabel("Follow-up", { exact: true }).fill(call.followUp);
  }

  /** A signature drawn with the mouse: two strokes across the pad. */
  async sign() {
    const pad = this.form.getByRole("img", { name: /Signature pad|Signature captured/ });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    for (const [y0, y1] of [
      [0.6, 0.3],
      [0.4, 0.7],
    ] as const) {
      await this.page.mouse.move(box.x + box.width * 0.15, box.y + box.height * y0);
      await this.page.mouse.down();
      for (let i = 1; i <= 8; i++)
        await this.page.mouse.move(box.x + box.width * (0.15 + i * 0.08), box.y + box.height * (i % 2 ? y1 : y0));
      await this.page.mouse.up();
    }
    await expect(this.form.getByText("Signed.", { exact: true })).toBeVisible();
  }

  /** Submit: checked against the org's rules, then locked. */
  async save() {
    await this.form.getByRole("button", { name: "Submit" }).click();
  }

  async saveDraft() {
    await this.form.getByRole("button", { name: "Save draft" }).click();
  }
}
