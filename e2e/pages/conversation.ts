import type { Locator, Page } from 'playwright-core';

/** The open conversation (`/my-work/<id>` or `/conversations/<id>`): header, timeline, composer. */
export class ConversationView {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, conversationId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/conversations/${conversationId}`);
    await this.waitFor(conversationId);
  }

  view(): Locator {
    return this.page.getByTestId('conversation-view');
  }

  async waitFor(conversationId: string): Promise<void> {
    await this.page
      .locator(`[data-testid="conversation-view"][data-conversation-id="${conversationId}"]`)
      .waitFor();
  }

  async status(): Promise<string | null> {
    return this.view().getAttribute('data-status');
  }

  async setStatus(status: 'OPEN' | 'WAITING' | 'SOLVED' | 'CLOSED'): Promise<void> {
    await this.view().getByTestId('status-menu').click();
    await this.page.getByTestId(`status-option-${status}`).click();
  }

  messages(): Locator {
    return this.view().getByTestId('timeline-message');
  }

  inboundMessages(): Locator {
    return this.view().locator('[data-testid="timeline-message"][data-direction="INBOUND"]');
  }

  /** Writes a reply in the composer and sends it with Enter. */
  async reply(text: string): Promise<void> {
    const input = this.view().getByTestId('composer-input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** "Mark as unread" from the message's actions menu. */
  async markUnread(message: Locator): Promise<void> {
    await message.hover();
    await message.getByRole('button', { name: 'Message actions' }).click();
    await this.page.getByTestId('mark-unread').click();
  }

  /** Opens the assignee selector; its options stay open until `pickAssignee` or Escape. */
  async openAssignee(): Promise<void> {
    await this.view().getByTestId('assignee-select').click();
  }

  assigneeOption(userId: string): Locator {
    return this.page.locator(`[data-testid="assignee-option"][data-user-id="${userId}"]`);
  }

  async pickAssignee(userId: string): Promise<void> {
    await this.openAssignee();
    await this.assigneeOption(userId).click();
  }
}
