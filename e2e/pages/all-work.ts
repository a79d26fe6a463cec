import type { Locator, Page } from 'playwright-core';

/**
 * The attribute `name` of every element `locator` matches, read in one go: reading them one by one
 * (`all()` then `nth(i)`) waits for an element that a re-render just removed.
 */
function attributes(locator: Locator, name: string): Promise<string[]> {
  return locator.evaluateAll((elements, attr) => elements.map((e) => e.getAttribute(attr) ?? ''), name);
}

/** One refusal of a bulk action as the result panel lists it. */
export interface ShownRefusal {
  number: string;
  code: string;
  text: string;
}

/** ALL WORK (`/all-work`): the views sidebar, the list with its filters, and the bulk actions. */
export class AllWorkPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the list the query string describes (`view=all&q=…`) and waits for its first answer. */
  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/all-work${query ? `?${query}` : ''}`);
    await this.settled();
  }

  /** Waits until the list shows rows or says it is empty. */
  async settled(): Promise<void> {
    await this.rows().first().or(this.page.getByTestId('empty-list')).waitFor();
  }

  url(): URL {
    return new URL(this.page.url());
  }

  // — sidebar —

  entry(name: string): Locator {
    return this.page
      .getByTestId('views-sidebar')
      .locator(`[data-testid="sidebar-entry"][data-name="${name}"]`);
  }

  async viewNames(): Promise<string[]> {
    return attributes(
      this.page.getByTestId('views-sidebar').locator('[data-testid="sidebar-entry"][data-entry^="saved:"]'),
      'data-name',
    );
  }

  async isGlobal(name: string): Promise<boolean> {
    return (await this.entry(name).getByTestId('global-mark').count()) > 0;
  }

  async sidebarCount(name: string): Promise<string> {
    return (await this.entry(name).getByTestId('sidebar-count').textContent()) ?? '';
  }

  /** Opens a sidebar entry and waits for the list it links to. */
  async openEntry(name: string): Promise<void> {
    const link = this.entry(name).getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await this.page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await this.settled();
  }

  // — list —

  async title(): Promise<string> {
    return (await this.page.getByTestId('list-title').textContent()) ?? '';
  }

  /** The list's total as its badge shows it ("55", "10k+"). */
  async total(): Promise<string> {
    return (await this.page.getByTestId('list-count').textContent()) ?? '';
  }

  rows(): Locator {
    return this.page.getByTestId('work-row');
  }

  row(conversationId: string): Locator {
    return this.page.locator(`[data-testid="work-row"][data-conversation-id="${conversationId}"]`);
  }

  async rowIds(): Promise<string[]> {
    return attributes(this.rows(), 'data-conversation-id');
  }

  async agentOf(conversationId: string): Promise<string> {
    return (await this.row(conversationId).locator('[data-column="agent"]').textContent()) ?? '';
  }

  async quickPriority(priority: string): Promise<void> {
    await this.page.getByTestId(`quick-priority-${priority}`).click();
  }

  async openTray(): Promise<void> {
    await this.page.getByTestId('filter-tray-toggle').click();
    await this.page.getByTestId('filter-tray').waitFor();
  }

  async closeTray(): Promise<void> {
    await this.page.getByTestId('filter-tray-close').click();
  }

  /** Picks `option` in one of the tray's multi-selects (`channels`, `agents`, `queues`, `tags`…). */
  async trayPick(field: string, option: string): Promise<void> {
    await this.page.getByTestId(`filter-${field}`).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async chips(): Promise<string[]> {
    return this.page.getByTestId('filter-chip').allTextContents();
  }

  // — views —

  /** "+ Create view" with the current filters; `scope` only exists for supervisors. */
  async createView(name: string, scope?: 'Private (only me)' | 'Global (everyone)'): Promise<void> {
    await this.page.getByTestId('create-view').click();
    const form = this.page.getByTestId('view-form');
    await form.getByTestId('view-name').fill(name);
    if (scope) await form.getByText(scope).click();
    await form.getByTestId('view-save').click();
    await form.waitFor({ state: 'detached' });
    await this.page.waitForURL(/saved=/);
  }

  // — bulk —

  async select(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) await this.row(id).getByTestId('row-select').click();
  }

  async selectLoaded(): Promise<void> {
    await this.page.getByTestId('select-page').click();
  }

  async selectAllMatching(): Promise<void> {
    await this.page.getByTestId('select-all-matching').click();
  }

  async selectionText(): Promise<string> {
    return (await this.page.getByTestId('selection-count').textContent()) ?? '';
  }

  async reassignTo(agentName: string): Promise<void> {
    await this.page.getByTestId('bulk-reassign').click();
    const dialog = this.page.getByTestId('bulk-dialog');
    await dialog.getByTestId('bulk-assignee').fill(agentName);
    await this.page.getByRole('option', { name: agentName }).click();
    await dialog.getByTestId('bulk-apply').click();
  }

  /** Changes the status of the selection; closing confirms in the second dialog. */
  async setStatus(label: 'Open' | 'Waiting' | 'Solved' | 'Closed'): Promise<void> {
    await this.page.getByTestId('bulk-status').click();
    const dialog = this.page.getByTestId('bulk-dialog');
    await dialog.getByText(label, { exact: true }).click();
    await dialog.getByTestId('bulk-apply').click();
    if (label === 'Closed') await this.page.getByRole('button', { name: 'Close conversations' }).click();
  }

  /** Downloads the selection's transcripts and returns the .zip's bytes. */
  async download(format: 'txt' | 'xlsx', withNotes = false): Promise<Buffer> {
    await this.page.getByTestId('bulk-download').click();
    const dialog = this.page.getByTestId('download-dialog');
    await dialog.getByText(format === 'txt' ? 'Text (.txt)' : 'Excel (.xlsx)').click();
    if (withNotes) await dialog.getByTestId('download-notes').check();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByTestId('download-submit').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  result(): Locator {
    return this.page.getByTestId('bulk-result');
  }

  async changedCount(): Promise<number> {
    return Number(await this.result().getAttribute('data-changed'));
  }

  async refusals(): Promise<ShownRefusal[]> {
    return this.result()
      .getByTestId('bulk-refusal')
      .evaluateAll((items) =>
        items.map((i) => ({
          number: i.getAttribute('data-number') ?? '',
          code: i.getAttribute('data-code') ?? '',
          text: i.textContent ?? '',
        })),
      );
  }
}
