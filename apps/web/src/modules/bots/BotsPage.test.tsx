import type { Bot } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { BotsPage } from './BotsPage.tsx';

const keywordBot: Bot = {
  id: crypto.randomUUID(),
  name: 'Opening hours',
  kind: 'KEYWORD',
  enabled: true,
  channel: 'WHATSAPP',
  destination: null,
  webhookUrl: null,
  sessionTimeoutSeconds: 600,
  keywordRules: [{ keywords: ['hours'], reply: 'We are open 9–17.' }],
  handoverKeywords: ['agent'],
  fallbackReply: null,
  activeConversations: 3,
  createdAt: '',
  updatedAt: '',
};

function setup() {
  const calls = routeFetch([
    ({ method, url }) =>
      url === '/api/bots' && method === 'GET' ? { body: { items: [keywordBot] } } : undefined,
    ({ method, url, body }) =>
      url === '/api/bots' && method === 'POST'
        ? {
            status: 201,
            body: {
              bot: { ...keywordBot, ...(body as object), id: crypto.randomUUID() },
              signingSecret: 's3cr3t-once',
            },
          }
        : undefined,
  ]);
  renderWithProviders(<BotsPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'c' },
  });
  return { calls, user: userEvent.setup() };
}

describe('BotsPage', () => {
  it('lists bots with what they serve and hold', async () => {
    setup();
    const row = await screen.findByTestId('bot-row');
    expect(row.textContent).toContain('Opening hours');
    expect(row.textContent).toContain('WhatsApp · any destination');
    expect(row.textContent).toContain('10 min');
    expect(row.textContent).toContain('3');
  });

  it('creates a webhook bot and shows its signing secret once', async () => {
    const { calls, user } = setup();
    await screen.findByTestId('bot-row');
    await user.click(screen.getByTestId('bot-new'));
    await user.click(await screen.findByText('External webhook bot'));
    const form = await screen.findByTestId('bot-form');
    await user.type(within(form).getByLabelText('Name'), 'Triage bot');
    await user.click(within(form).getByRole('button', { name: 'Create bot' }));
    // The contract's check names the missing URL before anything is sent.
    expect((await within(form).findByTestId('bot-form-error')).textContent).toContain('webhook URL');
    await user.type(within(form).getByLabelText('Webhook URL'), 'https://bot.example.com/hook');
    await user.click(within(form).getByRole('button', { name: 'Create bot' }));
    expect((await screen.findByTestId('bot-signing-secret')).textContent).toBe('s3cr3t-once');
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      name: 'Triage bot',
      kind: 'WEBHOOK',
      webhookUrl: 'https://bot.example.com/hook',
      sessionTimeoutSeconds: 86400,
    });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('bot-signing-secret')).toBeNull());
  });
});
