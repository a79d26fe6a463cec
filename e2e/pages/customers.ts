import type { Locator, Page } from 'playwright-core';

/** Where a field goes on the customer card, and whether agents may edit it. */
export interface CardFieldTarget {
  placement: 'basic' | 'additional' | 'hidden';
  agentEditable: boolean;
}

/** One attribute of every element `locator` matches, in document order. */
async function attributesOf(locator: Locator, name: string): Promise<string[]> {
  return Promise.all((await locator.all()).map(async (l) => (await l.getAttribute(name)) ?? ''));
}

const PLACEMENT_LABELS = { basic: 'Basic', additional: 'See more', hidden: 'Off' } as const;

/** Settings → Customer card (supervisors). */
export class CustomerCardSettings {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/customer-card`);
    await this.page.getByTestId('card-setting').first().waitFor();
  }

  row(field: string): Locator {
    return this.page.locator(`[data-testid="card-setting"][data-field="${field}"]`);
  }

  /**
   * Puts the fields of `targets` on the card in the order given (every other field goes off it)
   * and saves: all fields leave the card first, then each target joins the end of its section.
   */
  async configure(targets: Record<string, CardFieldTarget>): Promise<void> {
    for (const field of await attributesOf(this.page.getByTestId('card-setting'), 'data-field')) {
      await this.place(field, 'hidden');
    }
    for (const [field, { placement, agentEditable }] of Object.entries(targets)) {
      await this.place(field, placement);
      const toggle = this.row(field).getByTestId('card-editable');
      if ((await toggle.isChecked()) !== agentEditable) await toggle.click({ force: true });
    }
    await this.page.getByTestId('save-card').click();
    await this.page.getByText('Customer card saved').waitFor();
  }

  private async place(field: string, placement: CardFieldTarget['placement']): Promise<void> {
    const row = this.row(field);
    if ((await row.getAttribute('data-placement')) === placement) return;
    await row.getByTestId('card-placement').getByText(PLACEMENT_LABELS[placement], { exact: true }).click();
  }
}

/** The customer card in the conversation view's right panel. */
export class CustomerCardPanel {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  card(): Locator {
    return this.page.getByTestId('customer-card');
  }

  /** Unfolds the details panel where the layout folds it away. */
  async show(): Promise<void> {
    const show = this.page.getByRole('button', { name: 'Show details' });
    if (await show.isVisible()) await show.click();
    await this.card().waitFor();
  }

  /** The card's fields in order: name and whether this user may edit it. */
  async fields(): Promise<{ name: string; editable: boolean }[]> {
    const rows = this.card().getByTestId('card-attribute');
    const [names, editable] = await Promise.all([
      attributesOf(rows, 'data-attribute'),
      attributesOf(rows, 'data-editable'),
    ]);
    return names.map((name, i) => ({ name, editable: editable[i] === 'true' }));
  }

  async seeMore(): Promise<void> {
    await this.card().getByTestId('card-see-more').click();
  }

  field(name: string): Locator {
    return this.card().locator(`[data-testid="card-attribute"][data-attribute="${name}"]`);
  }

  /** Picks a list value for an editable field; a picked option saves at once. */
  async chooseValue(name: string, option: string): Promise<void> {
    await this.field(name)
      .getByRole('button', { name: `Edit ${name}` })
      .click();
    await this.field(name).getByLabel(name, { exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async unlink(): Promise<void> {
    await this.card().getByTestId('unlink-customer').click();
    await this.card().getByText('Unknown customer').waitFor();
  }

  /** Links the conversation to the customer found by `search`, picking the one named `name`. */
  async linkTo(search: string, name: string): Promise<void> {
    await this.card().getByTestId('link-customer').click();
    await this.page.getByTestId('customer-search').fill(search);
    await this.page.getByTestId('customer-option').filter({ hasText: name }).first().click();
  }
}

/** A customer's profile page (`/customers/<id>`). */
export class CustomerProfile {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, customerId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/customers/${customerId}`);
    await this.page.getByTestId('customer-profile').waitFor();
  }

  /** The ids of the conversations the profile lists. */
  conversationIds(): Promise<string[]> {
    return attributesOf(this.page.getByTestId('customer-conversation'), 'data-conversation-id');
  }
}
