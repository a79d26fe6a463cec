import type { Locator, Page } from 'playwright-core';

/** Settings → Simulator: pick a connection and a customer, then chat as that customer. */
export class SimulatorScreen {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/simulator`);
    await this.page.getByTestId('simulator-connection').waitFor();
  }

  /** Chooses the connection whose option label contains `name`, then a new customer at `address`. */
  async playNewCustomer(name: string, address: string): Promise<void> {
    await this.page.getByTestId('simulator-connection').click();
    await this.page.getByRole('option', { name: new RegExp(name) }).click();
    await this.page.getByTestId('simulator-customer').click();
    await this.page.getByRole('option', { name: 'New customer…' }).click();
    await this.page.getByLabel('Address').fill(address);
  }

  async write(text: string): Promise<void> {
    const input = this.page.getByLabel('Customer message');
    await input.fill(text);
    await input.press('Enter');
  }

  messages(direction: 'INBOUND' | 'OUTBOUND'): Locator {
    return this.page.locator(`[data-testid="simulator-message"][data-direction="${direction}"]`);
  }
}
