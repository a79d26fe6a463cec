import type { Locator, Page } from 'playwright-core';

/** MY WORK (`/my-work`): the agent's list, Recently viewed and "+". */
export class MyWorkPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/my-work`);
    // An agent with nothing assigned sees the empty state instead of the list.
    await this.list().or(this.page.getByText('Nothing assigned to you')).waitFor();
  }

  list(): Locator {
    return this.page.getByTestId('my-work-list');
  }

  rows(): Locator {
    return this.list().getByTestId('conversation-row');
  }

  row(conversationId: string): Locator {
    return this.list().locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  }

  /** Id of the conversation listed first (newest customer message). */
  async topConversationId(): Promise<string | null> {
    const first = this.rows().first();
    return (await first.count()) === 0 ? null : first.getAttribute('data-conversation-id');
  }

  async statusOf(conversationId: string): Promise<string | null> {
    return this.row(conversationId).getAttribute('data-status');
  }

  /** The unread count the row carries (`data-unread`), or null when the row is not listed. */
  async unreadOf(conversationId: string): Promise<number | null> {
    const row = this.row(conversationId);
    if ((await row.count()) === 0) return null;
    return Number(await row.getAttribute('data-unread'));
  }

  /** The count badge shown on the row, or null without one. */
  async unreadBadgeOf(conversationId: string): Promise<string | null> {
    const badge = this.row(conversationId).getByTestId('unread-count');
    return (await badge.count()) === 0 ? null : badge.textContent();
  }

  /** Heaviest font weight in the row: unread rows show the customer in bold (≥ 700). */
  async boldnessOf(conversationId: string): Promise<number> {
    return this.row(conversationId).evaluate((row) => {
      const view = row.ownerDocument.defaultView;
      const weights = [...row.querySelectorAll('span')].map((s) =>
        Number(view?.getComputedStyle(s).fontWeight),
      );
      return Math.max(0, ...weights.filter((w) => !Number.isNaN(w)));
    });
  }

  async isListed(conversationId: string): Promise<boolean> {
    return (await this.row(conversationId).count()) > 0;
  }

  async openConversation(conversationId: string): Promise<void> {
    await this.row(conversationId).click();
  }
}
