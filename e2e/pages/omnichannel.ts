import type { Locator, Page } from 'playwright-core';

/** D2 omnichannel controls of the open conversation: "Merge…" and the composer's channel picker. */
export class OmnichannelControls {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  private view(): Locator {
    return this.page.getByTestId('conversation-view');
  }

  /** Merges the customer's conversations `ids` into the open one through "Merge…". */
  async merge(ids: readonly string[]): Promise<void> {
    await this.view().getByTestId('merge-open').click();
    for (const id of ids) {
      await this.page.locator(`[data-testid="merge-candidate"][data-conversation-id="${id}"]`).check();
    }
    await this.page.getByTestId('merge-confirm').click();
    await this.page.getByTestId('merge-confirm').waitFor({ state: 'detached' });
  }

  omnichannelBadge(): Locator {
    return this.view().getByTestId('omnichannel-badge');
  }

  /** The composer's "Reply via …" control; `data-channel` names the channel the reply takes. */
  replyRoute(): Locator {
    return this.view().getByTestId('reply-route');
  }

  /** Picks the first route on `channel` in the composer's "Change channel" menu. */
  async changeChannel(channel: string): Promise<void> {
    await this.replyRoute().click();
    await this.page.locator(`[data-testid="reply-route-option"][data-channel="${channel}"]`).first().click();
  }
}
