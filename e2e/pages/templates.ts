import type { Locator, Page } from 'playwright-core';

/** Settings → Tags (`/settings/tags`): the tag catalogue for supervisors. */
export class TagsSettingsPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/tags`);
    await this.page.getByRole('button', { name: 'New tag' }).waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="tag-row"][data-tag-name="${name}"]`);
  }

  /** Creates a tag of that kind in the palette colour named `colour` (e.g. "Teal"). */
  async create(name: string, kind: 'Conversation tag' | 'Template tag', colour: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New tag' }).click();
    const form = this.page.getByTestId('tag-form');
    await form.getByText(kind, { exact: true }).click();
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('radio', { name: colour }).click();
    await form.getByRole('button', { name: 'Create tag' }).click();
    await form.waitFor({ state: 'detached' });
  }
}

/** Settings → Templates (`/settings/templates`): the user-defined templates for supervisors. */
export class TemplatesSettingsPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/templates`);
    await this.page.getByRole('button', { name: 'New template' }).waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="template-row"][data-template-name="${name}"]`);
  }

  form(): Locator {
    return this.page.getByTestId('template-form');
  }

  /** Fills the create form (text typed as given, tags picked by name) and saves it. */
  async create(template: { name: string; text: string; tags: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'New template' }).click();
    const form = this.form();
    await form.getByLabel('Name', { exact: true }).fill(template.name);
    await form.getByTestId('template-text').fill(template.text);
    for (const tag of template.tags) {
      await form.getByLabel('Tags', { exact: true }).click();
      await this.page.getByRole('option', { name: tag, exact: true }).click();
    }
    await form.getByRole('button', { name: 'Create template' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async preview(): Promise<string> {
    return (await this.form().getByTestId('template-preview').textContent()) ?? '';
  }
}

/** The "/" template picker over the reply box of the open conversation. */
export class SlashPicker {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  picker(): Locator {
    return this.page.getByTestId('slash-picker');
  }

  options(): Locator {
    return this.picker().getByTestId('slash-picker-option');
  }

  /** Types "/" and the query into the reply box, as an agent does, and waits for the list. */
  async search(composer: Locator, query: string): Promise<void> {
    await composer.click();
    await composer.pressSequentially(`/${query}`);
    await this.options().first().waitFor();
  }
}
