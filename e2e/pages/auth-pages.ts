import type { Page } from 'playwright-core';

/** The first-run page that creates the first admin of an empty installation. */
export class FirstRunPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async createAdmin(name: string, email: string, password: string): Promise<void> {
    const form = this.page.getByTestId('first-run-form');
    await form.waitFor();
    await form.getByLabel('Your name').fill(name);
    await form.getByLabel('E-mail', { exact: true }).fill(email);
    await form.getByLabel('Password', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Create admin and sign in' }).click();
  }
}

/** The sign-in page. */
export class LoginPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async signIn(email: string, password: string): Promise<void> {
    const form = this.page.getByTestId('login-form');
    await form.waitFor();
    await form.getByLabel('E-mail', { exact: true }).fill(email);
    await form.getByLabel('Password', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  async errorText(): Promise<string> {
    return (await this.page.getByTestId('login-error').textContent()) ?? '';
  }
}
