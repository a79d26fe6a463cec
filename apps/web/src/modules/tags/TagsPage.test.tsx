import type { Tag, TagUsage } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from './route-fetch.ts';
import { TagsPage } from './TagsPage.tsx';

const tag = (name: string, kind: Tag['kind'], color = '#228be6'): Tag => ({
  id: crypto.randomUUID(),
  name,
  color,
  kind,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const billing = tag('billing', 'conversation', '#fd7e14');
const vip = tag('vip', 'conversation');
const greeting = tag('greeting', 'template');
const usage = (t: Tag, open: number, closed: number, templates = 0): TagUsage => ({
  tagId: t.id,
  openConversations: open,
  closedConversations: closed,
  templates,
});

function setup() {
  const calls = routeFetch([
    ({ method, url }) =>
      method === 'GET' && url === '/api/tags?kind=conversation'
        ? { body: { items: [billing, vip] } }
        : undefined,
    ({ method, url }) =>
      method === 'GET' && url === '/api/tags?kind=template' ? { body: { items: [greeting] } } : undefined,
    ({ url }) =>
      url === '/api/tags/usage?kind=conversation'
        ? { body: { items: [usage(billing, 12, 40), usage(vip, 1, 0)] } }
        : undefined,
    ({ url }) =>
      url === '/api/tags/usage?kind=template' ? { body: { items: [usage(greeting, 0, 0, 3)] } } : undefined,
    ({ url }) => (url === `/api/tags/${billing.id}/usage` ? { body: usage(billing, 13, 41) } : undefined),
    ({ method }) => (method === 'DELETE' ? { status: 204 } : undefined),
    ({ method, body }) =>
      method === 'POST'
        ? { status: 201, body: { ...tag('x', 'conversation'), ...(body as object) } }
        : undefined,
  ]);
  renderWithProviders(<TagsPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'csrf' },
  });
  return { calls, user: userEvent.setup() };
}

const rows = () => screen.queryAllByTestId('tag-row');

describe('TagsPage', () => {
  it('lists each kind with its usage', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0]?.textContent).toContain('billing');
    await waitFor(() => expect(rows()[0]?.textContent).toContain('12 open · 40 closed'));
    await user.click(screen.getByText('Template tags'));
    await waitFor(() =>
      expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('3 templates')]),
    );
  });

  it('states the fresh count before deleting, then deletes', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(screen.getByLabelText('Delete billing'));
    const consequence = await screen.findByTestId('tag-delete-consequence');
    await waitFor(() =>
      expect(consequence.textContent).toBe(
        "It is on 13 open conversations: it will be removed from them, each change recorded in the conversation's history. 41 closed conversations keep it, as closed conversations never change.",
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Delete tag' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.url === `/api/tags/${billing.id}`)).toBe(true),
    );
  });

  it('creates a tag of the chosen kind and colour', async () => {
    const { calls, user } = setup();
    await user.click(screen.getByRole('button', { name: 'New tag' }));
    const form = await screen.findByTestId('tag-form');
    await user.click(within(form).getByText('Template tag'));
    await user.type(within(form).getByLabelText('Name'), 'Closing');
    await user.click(within(form).getByRole('radio', { name: 'Teal' }));
    await user.click(within(form).getByRole('button', { name: 'Create tag' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: 'Closing',
        kind: 'template',
        color: '#12b886',
      }),
    );
  });

  it('refuses a blank name without calling the server', async () => {
    const { calls, user } = setup();
    await user.click(screen.getByRole('button', { name: 'New tag' }));
    await user.click(await screen.findByRole('button', { name: 'Create tag' }));
    expect(await screen.findByText('Give the tag a name')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
