import type { WhatsAppTemplate, WhatsAppTemplateSync } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../workspace/my-work/test-support.tsx';
import { WhatsAppTemplatesPage } from './WhatsAppTemplatesPage.tsx';

const CONNECTION = '00000000-0000-4000-8000-0000000000bb';

const sync = (overrides: Partial<WhatsAppTemplateSync> = {}): WhatsAppTemplateSync => ({
  connectionId: CONNECTION,
  connectionName: 'WhatsApp line',
  sender: '447700900501',
  enabled: true,
  syncedAt: '2026-01-01T10:00:00.000Z',
  attemptedAt: '2026-01-01T10:00:00.000Z',
  error: null,
  templateCount: 1,
  ...overrides,
});

const template: WhatsAppTemplate = {
  id: '00000000-0000-4000-8000-0000000000aa',
  connectionId: CONNECTION,
  sender: '447700900501',
  name: 'spring_offer',
  language: 'en',
  category: 'MARKETING',
  status: 'PENDING',
  header: null,
  body: 'Hi {{1}}, our spring offer is here.',
  footer: null,
  buttons: [],
  placeholders: [{ key: 'body.1', component: 'BODY', label: 'Body {{1}}', kind: 'TEXT', required: true }],
  unsupportedReason: null,
  updatedAt: '2026-01-01T10:00:00.000Z',
};

describe('WhatsAppTemplatesPage', () => {
  it('lists each number’s templates with their approval state and syncs one on request', async () => {
    const calls = routeFetch((url, init) => {
      if (url.pathname === '/api/whatsapp-templates/syncs') return { status: 200, body: { items: [sync()] } };
      if (url.pathname === '/api/whatsapp-templates/sync' && init.method === 'POST') {
        return { status: 200, body: { items: [sync({ error: 'Infobip answered HTTP 500' })] } };
      }
      if (url.pathname === '/api/whatsapp-templates') return { status: 200, body: { items: [template] } };
      return undefined;
    });
    renderWithProviders(<WhatsAppTemplatesPage />);
    const row = await screen.findByTestId('whatsapp-template-row');
    expect(within(row).getByTestId('template-status').textContent).toBe('pending');
    expect(row.textContent).toContain('1 value');
    await userEvent.click(screen.getByTestId('sync-now'));
    expect((await screen.findByTestId('sync-error')).textContent).toContain('Infobip answered HTTP 500');
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url.pathname === '/api/whatsapp-templates/sync' &&
            c.init.body === `{"connectionId":"${CONNECTION}"}`,
        ),
      ).toBe(true),
    );
  });
});
