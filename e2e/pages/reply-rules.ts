import type { Locator, Page } from 'playwright-core';

/** The composer under D7's channel rules: the 24-hour window notice, the WhatsApp template form, the Messenger tag. */
export class ReplyRules {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  private view(): Locator {
    return this.page.getByTestId('conversation-view');
  }

  /** The window notice; `data-state` is OPEN, TEMPLATE_ONLY or TAG_REQUIRED. */
  windowNotice(): Locator {
    return this.view().getByTestId('reply-window');
  }

  templateForm(): Locator {
    return this.view().getByTestId('template-form');
  }

  /** Chooses a template in the picker by its visible label ("order_update · en"). */
  async chooseTemplate(label: string): Promise<void> {
    await this.templateForm().getByTestId('template-select').click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async fillPlaceholder(key: string, value: string): Promise<void> {
    await this.templateForm().getByTestId(`placeholder-${key}`).fill(value);
  }

  preview(): Locator {
    return this.templateForm().getByTestId('template-preview');
  }

  async sendTemplate(): Promise<void> {
    await this.templateForm().getByTestId('template-send').click();
  }

  /** Picks a Messenger message tag by its label ("Post-purchase update"). */
  async chooseTag(label: string): Promise<void> {
    await this.view().getByTestId('messenger-tag').click();
    await this.page.getByRole('option', { name: label }).click();
  }

  sendButton(): Locator {
    return this.view().getByTestId('composer-send');
  }
}
