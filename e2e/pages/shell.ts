import type { Page } from 'playwright-core';

/** The signed-in app shell: navigation and the profile menu at the bottom left. */
export class Shell {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async waitUntilSignedIn(): Promise<void> {
    await this.page.getByTestId('profile-menu').waitFor();
  }

  async myStatus(): Promise<string> {
    return (await this.page.getByTestId('my-status').textContent()) ?? '';
  }

  async setStatus(availability: 'ACTIVE' | 'BUSY' | 'AWAY' | 'OFFLINE'): Promise<void> {
    await this.page.getByTestId('profile-menu').click();
    await this.page.getByTestId(`status-${availability}`).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('profile-menu').click();
    await this.page.getByTestId('sign-out').click();
    await this.page.getByTestId('login-form').waitFor();
  }
}
