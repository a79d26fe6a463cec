import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAt, routeFetch } from '../my-work/test-support.tsx';
import { NewConversationModal } from './NewConversationModal.tsx';

const CONVERSATION_ID = '00000000-0000-4000-8000-000000000042';
const EXISTING_ID = '00000000-0000-4000-8000-000000000043';

// SMS: free text may start a conversation there (on WhatsApp only a template may, see the last test).
const SMS_SENDER = { channel: 'SMS', sender: '447860099300', name: 'SMS support' };
const WHATSAPP_SENDER = { channel: 'WHATSAPP', sender: '447860099301', name: 'WhatsApp support' };

/**
 * Answers POST /api/conversations with `status` and `body`; one SMS sender is connected (or
 * `senders`); the customer search finds nobody; the WhatsApp number has one approved template.
 */
function serveCreate(status: number, body: unknown, senders: unknown[] = [SMS_SENDER]) {
  return routeFetch((url, init) => {
    if (url.pathname === '/api/whatsapp-templates') return { status: 200, body: { items: [TEMPLATE] } };
    if (url.pathname === '/api/conversations' && init.method === 'POST') return { status, body };
    if (url.pathname === '/api/channel-connections/senders') return { status: 200, body: { items: senders } };
    if (url.pathname === '/api/customers') return { status: 200, body: { items: [], nextCursor: null } };
    return undefined;
  });
}

function renderModal() {
  renderAt('/my-work', '/my-work', <NewConversationModal opened onClose={() => {}} />);
  return screen.findByTestId('new-conversation-form');
}

/** Fills the "new customer" path, which needs no search (pasting: typing each key is slow). */
async function fillNewCustomer(form: HTMLElement) {
  const user = userEvent.setup();
  const fill = async (field: HTMLElement, text: string) => {
    await user.click(field);
    await user.paste(text);
  };
  await user.click(within(form).getByText('New customer'));
  await fill(await within(form).findByLabelText('Customer name'), 'Ada Lovelace');
  await fill(within(form).getByLabelText('To'), '+44 7700 900123');
  // The only sender is chosen by itself.
  await waitFor(() => expect(within(form).getByDisplayValue('SMS support · 447860099300')).toBeTruthy());
  await fill(within(form).getByLabelText('First message'), 'Hello Ada, your order has shipped.');
  return user;
}

const TEMPLATE = {
  id: '00000000-0000-4000-8000-0000000000aa',
  connectionId: '00000000-0000-4000-8000-0000000000bb',
  sender: WHATSAPP_SENDER.sender,
  name: 'welcome',
  language: 'en',
  category: 'UTILITY',
  status: 'APPROVED',
  header: null,
  body: 'Hello {{1}}, welcome aboard!',
  footer: null,
  buttons: [],
  placeholders: [{ key: 'body.1', component: 'BODY', label: 'Body {{1}}', kind: 'TEXT', required: true }],
  unsupportedReason: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const posts = (calls: ReturnType<typeof routeFetch>) =>
  calls.filter((c) => c.url.pathname === '/api/conversations' && c.init.method === 'POST');

describe('New conversation modal', { timeout: 15_000 }, () => {
  it('says what is missing and sends nothing', async () => {
    const calls = serveCreate(201, {});
    const form = await renderModal();
    await userEvent.click(within(form).getByRole('button', { name: 'Start conversation' }));
    expect(await within(form).findByText('Choose a customer')).toBeTruthy();
    expect(within(form).getByText('Enter the address the message goes to')).toBeTruthy();
    expect(within(form).getByText('Write the first message')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
  });

  it('checks the address the way the channel needs it', async () => {
    const calls = serveCreate(201, {});
    const form = await renderModal();
    const user = await fillNewCustomer(form);
    const to = within(form).getByLabelText('To');
    await user.clear(to);
    await user.type(to, 'not-a-number');
    await user.click(within(form).getByRole('button', { name: 'Start conversation' }));
    expect(await within(form).findByText(/is not a phone number/)).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
  });

  it('starts on a channel an agent may open, and offers Instagram only as one customers start', async () => {
    const instagram = { channel: 'INSTAGRAM_MESSAGING', sender: '17841400000451237', name: 'Instagram' };
    serveCreate(201, {}, [instagram, SMS_SENDER]);
    const form = await renderModal();
    // The oldest connection is Instagram's, but an agent cannot start there: SMS is chosen.
    await waitFor(() => expect(within(form).getByDisplayValue('SMS support · 447860099300')).toBeTruthy());
    const user = userEvent.setup();
    await user.click(within(form).getByRole('combobox', { name: 'Channel' }));
    const option = await screen.findByRole('option', {
      name: /Instagram \(customers start\)$/,
      hidden: true,
    });
    expect(
      option.getAttribute('aria-disabled') ?? option.getAttribute('data-combobox-disabled'),
    ).toBeTruthy();
    expect(screen.getByRole('option', { name: /Telegram \(not connected\)$/, hidden: true })).toBeTruthy();
  });

  it('says so when no channel is connected, and cannot send', async () => {
    serveCreate(201, {}, []);
    const form = await renderModal();
    expect(await within(form).findByTestId('no-sender')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Start conversation' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('refuses a first message over the limit before sending', async () => {
    const calls = serveCreate(201, {});
    const form = await renderModal();
    const user = await fillNewCustomer(form);
    const message = within(form).getByLabelText('First message');
    await user.clear(message);
    await user.click(message);
    await user.paste('y'.repeat(4097));
    await user.click(within(form).getByRole('button', { name: 'Start conversation' }));
    expect(await within(form).findByText('At most 4096 characters')).toBeTruthy();
    expect(within(form).getByText('4097 / 4096')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
  });

  it('shows why the server refused, in the modal', async () => {
    const message =
      'Parley cannot send on SMS as 447860099300: an admin must connect and enable that channel';
    serveCreate(422, { error: { code: 'channel_unavailable', message } });
    const form = await renderModal();
    const user = await fillNewCustomer(form);
    await user.click(within(form).getByRole('button', { name: 'Start conversation' }));
    const alert = await within(form).findByTestId('new-conversation-error');
    expect(alert.getAttribute('data-code')).toBe('channel_unavailable');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('Parley cannot send from there');
  });

  it('offers the open conversation when the thread already has one', async () => {
    serveCreate(409, {
      error: {
        code: 'conflict',
        message: 'This customer thread already has a conversation',
        details: { conversationId: EXISTING_ID },
      },
    });
    const form = await renderModal();
    const user = await fillNewCustomer(form);
    await user.click(within(form).getByRole('button', { name: 'Start conversation' }));
    await user.click(await within(form).findByRole('button', { name: 'Open that conversation' }));
    expect(screen.getByTestId('location').textContent).toBe(`/my-work/${EXISTING_ID}`);
  });

  it('creates the customer and the conversation, then opens it', async () => {
    const calls = serveCreate(201, { id: CONVERSATION_ID });
    const form = await renderModal();
    const user = await fillNewCustomer(form);
    await user.click(within(form).getByRole('button', { name: 'Start conversation' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/my-work/${CONVERSATION_ID}`),
    );
    expect(JSON.parse(String(posts(calls)[0]?.init.body))).toEqual({
      newCustomer: { name: 'Ada Lovelace', channel: 'SMS', address: '447700900123' },
      channel: 'SMS',
      ourAddress: '447860099300',
      customerAddress: '447700900123',
      text: 'Hello Ada, your order has shipped.',
    });
  });

  it('starts a WhatsApp conversation with an approved template, filling only its placeholders (D7)', async () => {
    const calls = serveCreate(201, { id: CONVERSATION_ID }, [WHATSAPP_SENDER]);
    const form = await renderModal();
    const user = userEvent.setup();
    await user.click(within(form).getByText('New customer'));
    await user.type(await within(form).findByLabelText('Customer name'), 'Ada Lovelace');
    await user.type(within(form).getByLabelText('To'), '447700900123');
    expect(within(form).queryByLabelText('First message')).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Start conversation' })).toBeNull();
    await user.click(await within(form).findByLabelText('WhatsApp template'));
    await user.click(await screen.findByRole('option', { name: 'welcome · en', hidden: true }));
    await user.type(within(form).getByLabelText(/Body \{\{1\}\}/), 'Ada');
    expect(within(form).getByTestId('template-preview').textContent).toContain('Hello Ada, welcome aboard!');
    await user.click(within(form).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(JSON.parse(String(posts(calls)[0]?.init.body))).toMatchObject({
      channel: 'WHATSAPP',
      ourAddress: '447860099301',
      template: { id: TEMPLATE.id, parameters: { 'body.1': 'Ada' } },
    });
    expect(JSON.parse(String(posts(calls)[0]?.init.body)).text).toBeUndefined();
  });
});
