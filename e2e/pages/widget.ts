import type { Locator, Page } from 'playwright-core';

/** The live-chat widget on a customer's page (inside its open shadow root, which locators pierce). */
export class ChatWidget {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  launcher(): Locator {
    return this.page.getByTestId('widget-launcher');
  }

  panel(): Locator {
    return this.page.getByTestId('widget-panel');
  }

  async open(): Promise<void> {
    await this.launcher().click();
    await this.panel().waitFor();
  }

  async fillPreChat(name: string, email: string): Promise<void> {
    const form = this.page.getByTestId('widget-prechat');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-mail (optional)').fill(email);
    await form.getByRole('button', { name: 'Start chat' }).click();
    await this.input().waitFor();
  }

  input(): Locator {
    return this.page.getByTestId('widget-input');
  }

  /** Types like a person (key by key, so the agents see the visitor typing); sends with `send()`. */
  async type(text: string): Promise<void> {
    await this.input().pressSequentially(text, { delay: 40 });
  }

  async send(): Promise<void> {
    await this.input().press('Enter');
  }

  visitorMessages(): Locator {
    return this.page.getByTestId('widget-visitor-message');
  }

  agentMessages(): Locator {
    return this.page.getByTestId('widget-agent-message');
  }

  agentTyping(): Locator {
    return this.page.getByTestId('widget-agent-typing');
  }

  seen(): Locator {
    return this.page.getByTestId('widget-seen');
  }
}
