import type { Channel, ReplyWindow, TimelineMessage, WhatsAppTemplate } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { routeFetch } from '../my-work/test-support.tsx';
import { Composer } from './Composer.tsx';
import { type EntryActions, MessageRow } from './MessageRow.tsx';
import type { ComposedReply } from './use-reply-extras.ts';

// D7 in the composer: the time left in the 24-hour window, the template form outside it on
// WhatsApp, the Messenger tag after it; and a failed message's Retry.

const SENDER = '447700900501';
const HOUR = 60 * 60 * 1000;

const TEMPLATE: WhatsAppTemplate = {
  id: '00000000-0000-4000-8000-0000000000aa',
  connectionId: '00000000-0000-4000-8000-0000000000bb',
  sender: SENDER,
  name: 'order_update',
  language: 'en',
  category: 'UTILITY',
  status: 'APPROVED',
  header: { format: 'TEXT', text: 'Order {{1}}' },
  body: 'Hi {{1}}, order {{2}} shipped.',
  footer: null,
  buttons: [],
  placeholders: [
    { key: 'header.1', component: 'HEADER', label: 'Header {{1}}', kind: 'TEXT', required: true },
    { key: 'body.1', component: 'BODY', label: 'Body {{1}}', kind: 'TEXT', required: true },
    { key: 'body.2', component: 'BODY', label: 'Body {{2}}', kind: 'TEXT', required: true },
  ],
  unsupportedReason: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function renderComposer(channel: Channel, window: ReplyWindow) {
  routeFetch((url) =>
    url.pathname === '/api/whatsapp-templates' ? { status: 200, body: { items: [TEMPLATE] } } : undefined,
  );
  const onReply = vi.fn<(reply: ComposedReply) => void>();
  renderWithProviders(
    <Composer
      closedReason={null}
      replyBlock={null}
      onReply={onReply}
      onNote={async () => true}
      error={null}
      onDismissError={() => {}}
      templates={{ channel, context: {} }}
      rules={{ window, sender: SENDER }}
    />,
  );
  return onReply;
}

describe('Composer under the 24-hour window', () => {
  it('shows the time left on WhatsApp and offers a template besides free text', async () => {
    renderComposer('WHATSAPP', { state: 'OPEN', closesAt: new Date(Date.now() + 3 * HOUR + 5 * 60_000) });
    expect(screen.getByTestId('reply-window').textContent).toMatch(/3 h [45] min left for free text/);
    expect(screen.getByTestId('composer-input')).toBeTruthy();
    await userEvent.click(screen.getByTestId('whatsapp-template-button'));
    expect(await screen.findByTestId('template-form')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Write free text' }));
    expect(screen.getByTestId('composer-input')).toBeTruthy();
  });

  it('offers only the template form on WhatsApp once the window has closed, and sends the filled values', async () => {
    const onReply = renderComposer('WHATSAPP', {
      state: 'TEMPLATE_ONLY',
      closedAt: new Date(Date.now() - HOUR),
    });
    expect(screen.getByTestId('reply-window').getAttribute('data-state')).toBe('TEMPLATE_ONLY');
    expect(screen.queryByTestId('composer-input')).toBeNull();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('template-select'));
    await user.click(await screen.findByRole('option', { name: 'order_update · en', hidden: true }));
    const form = screen.getByTestId('template-form');
    await user.type(within(form).getByLabelText(/Header \{\{1\}\}/), 'A-42');
    await user.type(within(form).getByLabelText(/Body \{\{1\}\}/), 'Ana');
    const send = within(form).getByRole('button', { name: 'Send template' });
    expect(send.hasAttribute('disabled')).toBe(true);
    await user.type(within(form).getByLabelText(/Body \{\{2\}\}/), 'A-42');
    expect(within(form).getByTestId('template-preview').textContent).toContain('Hi Ana, order A-42 shipped.');
    await user.click(send);
    expect(onReply).toHaveBeenCalledWith({
      template: { template: TEMPLATE, parameters: { 'header.1': 'A-42', 'body.1': 'Ana', 'body.2': 'A-42' } },
    });
  });

  it('asks for a Messenger tag after 24 hours and sends the reply with it', async () => {
    const onReply = renderComposer('FACEBOOK_MESSENGER', { state: 'TAG_REQUIRED', closedAt: null });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('composer-input'), 'Your refund was issued');
    expect(screen.getByTestId('composer-send').hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByTestId('messenger-tag'));
    await user.click(await screen.findByRole('option', { name: /Account update/, hidden: true }));
    await waitFor(() => expect(screen.getByTestId('composer-send').hasAttribute('disabled')).toBe(false));
    await user.click(screen.getByTestId('composer-send'));
    expect(onReply).toHaveBeenCalledWith({ text: 'Your refund was issued', messengerTag: 'ACCOUNT_UPDATE' });
  });
});

describe('Composer on a customer-initiated channel', () => {
  it('counts down Instagram’s window while it is open', () => {
    renderComposer('INSTAGRAM_MESSAGING', {
      state: 'OPEN',
      closesAt: new Date(Date.now() + 2 * HOUR + 90_000),
    });
    expect(screen.getByTestId('reply-window').textContent).toMatch(
      /Instagram window: 2 h [01] min left to reply/,
    );
  });

  it('closes replies on Instagram after 24 hours but keeps internal notes open', async () => {
    renderComposer('INSTAGRAM_MESSAGING', { state: 'CLOSED', closedAt: new Date(Date.now() - HOUR) });
    expect(screen.getByTestId('reply-window').textContent).toMatch(
      /Instagram allows no reply until the customer writes again/,
    );
    const input = screen.getByTestId('composer-input');
    expect(input.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('composer-send').hasAttribute('disabled')).toBe(true);
    const user = userEvent.setup();
    await user.click(screen.getByText('Internal note'));
    await waitFor(() => expect(screen.getByTestId('composer-input').hasAttribute('disabled')).toBe(false));
    await user.type(screen.getByTestId('composer-input'), 'Asked them to DM again');
    expect(screen.getByTestId('composer-send').hasAttribute('disabled')).toBe(false);
  });

  it('says only the customer can start on Apple Messages', () => {
    renderComposer('APPLE_BUSINESS_CHAT', { state: 'CLOSED', closedAt: null });
    expect(screen.getByTestId('reply-window').textContent).toMatch(
      /Only the customer can start a conversation on Apple Messages/,
    );
    expect(screen.getByTestId('composer-input').hasAttribute('disabled')).toBe(true);
  });
});

describe('MessageRow', () => {
  const message: TimelineMessage = {
    type: 'message',
    id: '00000000-0000-4000-8000-0000000000cc',
    direction: 'OUTBOUND',
    channel: 'FACEBOOK_MESSENGER',
    from: '1100',
    to: '4394',
    authorKind: 'AGENT',
    author: { id: '00000000-0000-4000-8000-00000000000a', displayName: 'Liam' },
    contentType: 'TEXT',
    content: { text: 'Your order shipped', messengerTag: 'POST_PURCHASE_UPDATE' },
    deliveryState: 'FAILED',
    failureReason: 'E400 Request cannot be processed.',
    clientId: null,
    createdAt: '2026-01-01T10:00:00.000Z',
  };

  it('shows the Messenger tag under the message, the failure reason, and retries the same message', async () => {
    const actions: EntryActions = {
      myUserId: '00000000-0000-4000-8000-00000000000a',
      customerName: 'Ana',
      onMarkUnread: vi.fn(),
      onRetry: vi.fn(),
      onRetryMessage: vi.fn(),
      onDiscard: vi.fn(),
    };
    renderWithProviders(<MessageRow message={message} continued={false} actions={actions} />);
    expect(screen.getByTestId('messenger-tag-line').textContent).toBe('Message tag: Post-purchase update');
    expect(screen.getByTestId('message-failure').textContent).toContain('E400 Request cannot be processed.');
    await userEvent.click(screen.getByTestId('retry-message'));
    expect(actions.onRetryMessage).toHaveBeenCalledWith(message.id);
  });
});
