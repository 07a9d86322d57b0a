import { expect, type Locator, type Page } from "@playwright/test";

/** The copilot home screen: ask, wait for the answer, read the cards, answer approvals. */
export class CopilotPage {
  readonly input: Locator;
  readonly assistant: Locator;
  readonly approvalCard: Locator;
  readonly providerLabel: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId("copilot-input");
    this.assistant = page.getByTestId("assistant-message");
    this.approvalCard = page.getByTestId("approval-card");
    this.providerLabel = page.getByTestId("provider-label");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.input).toBeVisible();
  }

  /** Sends a question with Enter and waits until the copilot has finished answering. */
  async ask(question: string) {
    const answers = await this.assistant.count();
    await this.input.fill(question);
    await this.input.press("Enter");
    await expect(this.assistant).toHaveCount(answers + 1, { timeout: 30_000 });
    await this.settled();
  }

  /** No answer in progress (the send button is back). */
  async settled() {
    await expect(this.page.getByTestId("copilot-send")).toBeVisible({ timeout: 30_000 });
  }

  lastAnswer(): Locator {
    return this.assistant.last();
  }

  async newChat() {
    await this.page.keyboard.press("Control+k");
    await expect(this.page.getByTestId("copilot-empty")).toBeVisible();
  }
}
