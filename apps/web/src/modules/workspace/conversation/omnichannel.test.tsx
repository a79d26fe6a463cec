import type { Conversation, ConversationListItem, ReplyRouteOption, TimelineLog } from '@parley/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { CurrentUserProvider } from '../../auth/current-user.tsx';
import { colleague, me } from '../my-work/test-support.tsx';
import { logText } from './log-text.ts';
import { MergeConversationsButton } from './MergeConversations.tsx';
import { ReplyRoutePicker } from './ReplyRoutePicker.tsx';

const at = '2026-03-10T09:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function conversation(n: number, overrides: Partial<Conversation> = {}): ConversationListItem {
  return {
    id: id(n),
    number: n,
    topic: `Topic ${n}`,
    status: 'OPEN',
    priority: 'NORMAL',
    queue: null,
    assignee: { id: me.id, displayName: me.displayName },
    customer: { id: id(900), name: 'Nora', address: '385911112223' },
    channels: ['SMS'],
    tags: [],
    summary: null,
    createdAt: at,
    updatedAt: at,
    lastCustomerMessageAt: at,
    pendingSince: null,
    closedAt: null,
    unreadCount: 0,
    lastCustomerMessage: { contentType: 'TEXT', text: `Hello ${n}`, createdAt: at },
    ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('merge log entries', () => {
  const entry = (from: string | null, to: string | null): TimelineLog => ({
    type: 'log',
    id: id(1),
    kind: 'merge',
    from: from ? { value: id(2), label: from } : null,
    to: to ? { value: id(3), label: to } : null,
    actorKind: 'agent',
    actor: { id: colleague.id, displayName: colleague.displayName },
    createdAt: at,
  });
  it('names the other conversation on each side', () => {
    expect(logText(entry('#12', null), me.id)).toBe('Sofia Rossi merged #12 into this conversation');
    expect(logText(entry(null, '#15'), me.id)).toBe('Sofia Rossi merged this conversation into #15');
  });
});

describe('ReplyRoutePicker', () => {
  const route = (over: Partial<ReplyRouteOption>): ReplyRouteOption => ({
    channel: 'SMS',
    ourAddress: '447700900500',
    customerAddress: '385911112223',
    connectionName: 'SMS line',
    isDefault: false,
    heldBy: null,
    lastCustomerMessageAt: null,
    ...over,
  });
  const sms = route({ isDefault: true });
  const whatsapp = route({
    channel: 'WHATSAPP',
    ourAddress: '447700900600',
    connectionName: 'WhatsApp line',
  });
  const held = route({ channel: 'WHATSAPP', ourAddress: '447700900601', heldBy: { id: id(7), number: 7 } });

  it('shows where the reply goes and offers the free routes, a held one only as a hint', async () => {
    const onChoose = vi.fn();
    renderWithProviders(
      <ReplyRoutePicker options={[sms, whatsapp, held]} current={sms} onChoose={onChoose} />,
    );
    const target = screen.getByTestId('reply-route');
    expect(target.dataset.channel).toBe('SMS');
    expect(target.textContent).toContain('to 385911112223 · from SMS line');
    await userEvent.click(target);
    const options = await screen.findAllByTestId('reply-route-option');
    expect(options).toHaveLength(3);
    expect(options[2]?.textContent).toContain('in #7: merge first');
    expect(options[2]?.hasAttribute('disabled') || options[2]?.dataset.disabled === 'true').toBe(true);
    await userEvent.click(options[1] as HTMLElement);
    expect(onChoose).toHaveBeenCalledWith(whatsapp);
  });
});

describe('Merge…', () => {
  function serve(answer: (body: unknown) => { status: number; body: unknown }) {
    const posted: unknown[] = [];
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://parley.test');
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/conversations' && url.searchParams.get('customerId') === id(900)) {
        const theirs = conversation(3, { assignee: colleague, channels: ['VIBER'] });
        return json(200, {
          items: [conversation(1), conversation(2, { channels: ['WHATSAPP'] }), theirs],
          nextCursor: null,
        });
      }
      if (url.pathname === `/api/conversations/${id(1)}/merge`) {
        const body = JSON.parse(String(init.body));
        posted.push(body);
        const result = answer(body);
        return json(result.status, result.body);
      }
      return json(404, { error: { code: 'not_found', message: 'No such route' } });
    });
    return posted;
  }

  const open = async (conv: Conversation = conversation(1)) => {
    renderWithProviders(
      <CurrentUserProvider user={me}>
        <MergeConversationsButton conversation={conv} />
      </CurrentUserProvider>,
    );
    await userEvent.click(screen.getByTestId('merge-open'));
    return screen.findAllByTestId('merge-candidate');
  };

  it('lists the customer’s other open conversations and merges the chosen ones', async () => {
    const posted = serve(() => ({ status: 200, body: conversation(1, { channels: ['SMS', 'WHATSAPP'] }) }));
    const candidates = await open();
    expect(candidates).toHaveLength(2);
    expect((screen.getByTestId('merge-confirm') as HTMLButtonElement).disabled).toBe(true);
    // A colleague's conversation is shown (its checkbox) but only a supervisor may merge it.
    const theirs = candidates.find((c) => c.dataset.conversationId === id(3)) as HTMLElement;
    expect((theirs as HTMLInputElement).disabled).toBe(true);
    const mine = candidates.find((c) => c.dataset.conversationId === id(2)) as HTMLElement;
    await userEvent.click(mine);
    await userEvent.click(screen.getByTestId('merge-confirm'));
    await waitFor(() => expect(posted).toEqual([{ sourceIds: [id(2)] }]));
    await waitFor(() => expect(screen.queryByTestId('merge-confirm')).toBeNull());
  });

  it('shows the server’s refusal in the dialog', async () => {
    serve(() => ({ status: 409, body: { error: { code: 'conversation_closed', message: '#2 is closed' } } }));
    const candidates = await open();
    await userEvent.click(candidates[0] as HTMLElement);
    await userEvent.click(screen.getByTestId('merge-confirm'));
    expect((await screen.findByTestId('merge-error')).textContent).toContain('#2 is closed');
  });

  it('is not offered on a CLOSED conversation, for an unknown customer or someone else’s', () => {
    for (const conv of [
      conversation(1, { status: 'CLOSED' }),
      conversation(1, { customer: { id: null, name: null, address: '1' } }),
      conversation(1, { assignee: colleague }),
    ]) {
      const { unmount } = renderWithProviders(
        <CurrentUserProvider user={me}>
          <MergeConversationsButton conversation={conv} />
        </CurrentUserProvider>,
      );
      expect((screen.getByTestId('merge-open') as HTMLButtonElement).disabled).toBe(true);
      unmount();
    }
  });
});
