import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { TemplatesPage } from './TemplatesPage.tsx';
import { TEST_TEMPLATES } from './test-templates.ts';

const orderTag = TEST_TEMPLATES[1]?.tags[0];

function setup() {
  const calls = routeFetch([
    ({ method, url }) =>
      method === 'GET' && url.startsWith('/api/templates')
        ? { body: { items: url.includes('q=') ? TEST_TEMPLATES.slice(1, 3) : TEST_TEMPLATES } }
        : undefined,
    ({ url }) => (url === '/api/tags?kind=template' ? { body: { items: [orderTag] } } : undefined),
    ({ method, body }) =>
      method === 'POST' ? { status: 201, body: { ...TEST_TEMPLATES[0], ...(body as object) } } : undefined,
    ({ method, body }) =>
      method === 'PATCH' ? { body: { ...TEST_TEMPLATES[0], ...(body as object) } } : undefined,
  ]);
  renderWithProviders(<TemplatesPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'csrf' },
  });
  return { calls, user: userEvent.setup() };
}

const rows = () => screen.queryAllByTestId('template-row');

describe('TemplatesPage', () => {
  it('lists the templates and searches on the server', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[3]?.textContent).toContain('Spanish');
    expect(rows()[0]?.textContent).toContain('All channels');
    await user.type(screen.getByLabelText('Search templates'), 'order');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls.some((c) => c.url === '/api/templates?q=order')).toBe(true);
  });

  it('creates a template: variables helper, live preview, unknown variables refused', async () => {
    const { calls, user } = setup();
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const form = await screen.findByTestId('template-form');
    await user.type(within(form).getByLabelText('Name'), 'Welcome back');
    const text = within(form).getByTestId('template-text');
    await user.type(text, 'Hi ');
    await user.click(within(form).getByRole('button', { name: "Customer's first name" }));
    await user.type(text, ', I am ');
    await user.click(within(form).getByRole('button', { name: "Agent's first name" }));
    expect((text as HTMLTextAreaElement).value).toBe('Hi {{customer.firstName}}, I am {{agent.firstName}}');
    expect(within(form).getByTestId('template-preview').textContent).toBe('Hi Emma, I am Liam');

    await user.type(text, ' {{{{customer.email}}');
    await user.click(within(form).getByRole('button', { name: 'Create template' }));
    expect(await within(form).findByText(/^Unknown variable \{\{customer\.email\}\}/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(text);
    await user.type(text, 'Welcome back, {{{{customer.name}}!');
    await user.click(within(form).getByRole('button', { name: 'Create template' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: 'Welcome back',
        language: 'en',
        channel: null,
        tagIds: [],
        text: 'Welcome back, {{customer.name}}!',
      }),
    );
  });

  it('edits a template with its values filled in', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByLabelText('Edit Order shipped'));
    const form = await screen.findByTestId('template-form');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Order shipped');
    expect(within(form).getByTestId('template-preview').textContent).toBe('Order #1042 has shipped.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
        url: `/api/templates/${TEST_TEMPLATES[1]?.id}`,
        body: { name: 'Order shipped', tagIds: [orderTag?.id], channel: null },
      }),
    );
  });
});
