import type { Locator, Page } from 'playwright-core';

/** Settings → Queues (`/settings/queues`): queues, members and automatic assignment. */
export class QueuesSettingsPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/queues`);
    await this.page.getByTestId('queue-new').waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-queue-name="${name}"]`);
  }

  detail(name: string): Locator {
    return this.page.locator(`[data-testid="queue-detail"][data-queue-name="${name}"]`);
  }

  /** Creates a queue; it opens selected. */
  async create(name: string): Promise<void> {
    await this.page.getByTestId('queue-new').click();
    const form = this.page.getByTestId('queue-form');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Create queue' }).click();
    await form.waitFor({ state: 'detached' });
    await this.detail(name).waitFor();
  }

  /** Adds members by display name and saves the list. */
  async addMembers(queue: string, names: string[]): Promise<void> {
    const detail = this.detail(queue);
    for (const name of names) {
      await detail.getByLabel('Members', { exact: true }).click();
      await this.page.getByRole('option', { name, exact: true }).click();
    }
    await detail.getByTestId('queue-members-save').click();
    await detail
      .getByTestId('queue-member-row')
      .nth(names.length - 1)
      .waitFor();
  }

  /** Turns automatic assignment on and saves the settings. */
  async enableAutoAssign(queue: string): Promise<void> {
    const detail = this.detail(queue);
    await detail.getByLabel('Assign new and waiting conversations to Active members automatically').check();
    await detail.getByTestId('queue-settings-save').click();
    await this.page.getByText('Queue settings saved').waitFor();
  }
}

/** Settings → Routing (`/settings/routing`): the ordered rules and the simulator. */
export class RoutingSettingsPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/routing`);
    await this.page.getByTestId('routing-new-rule').waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="routing-rule-row"][data-rule-name="${name}"]`);
  }

  /** Creates "message text contains any of `keywords` → `queue`". */
  async createKeywordRule(rule: { name: string; keywords: string[]; queue: string }): Promise<void> {
    await this.page.getByTestId('routing-new-rule').click();
    const form = this.page.getByTestId('rule-form');
    await form.getByLabel('Name', { exact: true }).fill(rule.name);
    const value = form.getByTestId('condition-row').first().getByTestId('condition-value');
    for (const keyword of rule.keywords) {
      await value.fill(keyword);
      await value.press('Enter');
    }
    await form.getByTestId('rule-queue').click();
    await this.page.getByRole('option', { name: rule.queue, exact: true }).click();
    await form.getByTestId('rule-save').click();
    await form.waitFor({ state: 'detached' });
    await this.row(rule.name).waitFor();
  }

  /** Runs the simulator on a text; answers the queue it would route to. */
  async simulate(text: string): Promise<string> {
    await this.page.getByTestId('simulate-text').fill(text);
    await this.page.getByTestId('simulate-panel').getByRole('button', { name: 'Simulate' }).click();
    return (await this.page.getByTestId('simulate-queue').textContent()) ?? '';
  }
}

/** The supervisors' live Dashboard (`/dashboard`). */
export class DashboardScreen {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/dashboard`);
    await this.page.getByTestId('dashboard-agents').waitFor();
  }

  agent(name: string): Locator {
    return this.page.locator(`[data-testid="dashboard-agent"][data-agent-name="${name}"]`);
  }

  async availabilityOf(name: string): Promise<string | null> {
    return this.agent(name).getAttribute('data-availability');
  }

  async loadOf(name: string): Promise<string | null> {
    return this.agent(name).getByTestId('agent-load').textContent();
  }

  async waitingIn(queue: string): Promise<string | null> {
    return this.page
      .locator(`[data-testid="dashboard-queue"][data-queue-name="${queue}"]`)
      .getByTestId('queue-waiting')
      .textContent();
  }
}
