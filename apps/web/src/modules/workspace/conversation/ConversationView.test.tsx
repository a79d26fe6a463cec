import type { Conversation, TimelineItem } from '@parley/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { CurrentUserProvider } from '../../auth/current-user.tsx';
import { colleague, emit, me } from '../my-work/test-support.tsx';
import { ConversationView } from './ConversationView.tsx';
import { inbound, outbound } from './timeline-fixtures.ts';

vi.mock('../../../lib/realtime.tsx', async () => ({
  useRealtimeEvent: (await import('../my-work/test-support.tsx')).useFakeRealtimeEvent,
}));

const ID = '00000000-0000-4000-8000-00000000c0de';
const QUEUE = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Default' };

function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  const at = '2026-03-10T09:00:00.000Z';
  return {
    id: ID,
    number: 1042,
    topic: 'Where is my order?',
    status: 'OPEN',
    priority: 'NORMAL',
    queue: QUEUE,
    assignee: { id: me.id, displayName: me.displayName },
    customer: { id: null, name: 'Ingrid Davis', address: '447000000001' },
    channels: ['WHATSAPP'],
    tags: [],
    summary: null,
    createdAt: at,
    updatedAt: at,
    lastCustomerMessageAt: at,
    pendingSince: null,
    closedAt: null,
    unreadCount: 0,
    ...overrides,
  };
}

type Answer = { status: number; body: unknown };
type Handler = (method: string, path: string, body: unknown) => Answer | Promise<Answer> | undefined;

/**
 * The server for one open conversation: `extra` answers first (a test's own routes), then the
 * conversation, its timeline and the catalogues. Records every call.
 */
function serve(conversation: Conversation, timeline: TimelineItem[], extra: Handler = () => undefined) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://parley.test');
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname, body });
    const base = `/api/conversations/${ID}`;
    const answer: Answer | undefined = (await extra(method, url.pathname, body)) ??
      (method === 'GET' && url.pathname === base ? { status: 200, body: conversation } : undefined) ??
      (url.pathname === `${base}/read` ? { status: 200, body: conversation } : undefined) ??
      (url.pathname === `${base}/timeline`
        ? { status: 200, body: { items: [...timeline].reverse(), nextCursor: null } }
        : undefined) ??
      (url.pathname === '/api/agents'
        ? { status: 200, body: { items: [agentOf(me), agentOf(colleague)] } }
        : undefined) ??
      (url.pathname === '/api/queues'
        ? {
            status: 200,
            body: {
              items: [{ ...QUEUE, isDefault: true, memberIds: [], createdAt: conversation.createdAt }],
            },
          }
        : undefined) ??
      (url.pathname === '/api/tags' ? { status: 200, body: { items: [] } } : undefined) ?? {
        status: 404,
        body: { error: { code: 'not_found', message: `No route for ${method} ${url.pathname}` } },
      };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

function agentOf(person: { id: string; displayName: string }) {
  return {
    id: person.id,
    displayName: person.displayName,
    availability: 'ACTIVE',
    availabilityChangedAt: '2026-03-10T09:00:00.000Z',
    load: 1,
    capacity: 5,
    queueIds: [QUEUE.id],
  };
}

function refusal(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } };
}

/** A promise the test resolves when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function open() {
  const view = renderWithProviders(
    <CurrentUserProvider user={me}>
      <ConversationView conversationId={ID} />
    </CurrentUserProvider>,
    { session: { user: me, csrfToken: 'csrf' } },
  );
  await screen.findAllByTestId('timeline-message');
  return view;
}

const outboundRows = () =>
  within(screen.getByTestId('timeline'))
    .getAllByTestId('timeline-message')
    .filter((row) => row.dataset.direction === 'OUTBOUND');

// jsdom lays nothing out: give the timeline's scroller a height so the virtualiser draws its rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.getAttribute('data-testid') === 'timeline' ? 2000 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

describe('ConversationView', () => {
  it('marks the conversation read on open and shows customer and agent messages on their sides', async () => {
    const calls = serve(makeConversation(), [
      inbound(1, '2026-03-10T09:00:00.000Z'),
      outbound(2, '2026-03-10T09:01:00.000Z'),
    ]);
    await open();
    const view = screen.getByTestId('conversation-view');
    expect(view.dataset.conversationId).toBe(ID);
    expect(view.dataset.status).toBe('OPEN');
    const rows = screen.getAllByTestId('timeline-message');
    expect(rows.map((r) => r.dataset.direction)).toEqual(['INBOUND', 'OUTBOUND']);
    expect(rows[1]?.dataset.deliveryState).toBe('DELIVERED');
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/read'))).toBe(true),
    );
  });

  it('shows a reply at once and reconciles it by client id when the socket is faster than HTTP', async () => {
    const answer = deferred<Answer>();
    const calls = serve(makeConversation(), [inbound(1, '2026-03-10T09:00:00.000Z')], (method, path) =>
      method === 'POST' && path.endsWith('/messages') ? answer.promise : undefined,
    );
    await open();
    await userEvent.type(screen.getByTestId('composer-input'), 'On my way{Enter}');

    expect(outboundRows()).toHaveLength(1);
    expect(outboundRows()[0]?.dataset.deliveryState).toBe('PENDING');
    const sent = calls.find((c) => c.path.endsWith('/messages'))?.body as { clientId: string; text: string };
    expect(sent.text).toBe('On my way');

    const stored = outbound(9, '2026-03-10T09:05:00.000Z', {
      clientId: sent.clientId,
      content: { text: 'On my way' },
      deliveryState: 'PENDING',
    });
    await emit({ type: 'timeline.appended', payload: { conversationId: ID, item: stored } });
    expect(outboundRows()).toHaveLength(1);
    expect(outboundRows()[0]?.dataset.messageId).toBe(stored.id);

    await act(async () => answer.resolve({ status: 201, body: stored }));
    await emit({
      type: 'timeline.updated',
      payload: { conversationId: ID, item: { ...stored, deliveryState: 'SEEN' } },
    });
    expect(outboundRows()).toHaveLength(1);
    expect(outboundRows()[0]?.dataset.deliveryState).toBe('SEEN');
    expect(screen.getByTestId('composer-input')).toHaveProperty('value', '');
  });

  it('shows a refused reply with the server message and retries it with the same client id', async () => {
    let attempt = 0;
    const calls = serve(
      makeConversation(),
      [inbound(1, '2026-03-10T09:00:00.000Z')],
      (method, path, body) => {
        if (method !== 'POST' || !path.endsWith('/messages')) return undefined;
        attempt += 1;
        if (attempt === 1) return refusal(409, 'channel_unavailable', 'Parley cannot send on WHATSAPP yet');
        const { clientId } = body as { clientId: string };
        return {
          status: 201,
          body: outbound(9, '2026-03-10T09:05:00.000Z', { clientId, content: { text: 'Hi' } }),
        };
      },
    );
    await open();
    await userEvent.type(screen.getByTestId('composer-input'), 'Hi{Enter}');

    expect((await screen.findByTestId('composer-error')).textContent).toContain(
      'Parley cannot send on WHATSAPP yet',
    );
    await waitFor(() => expect(outboundRows()[0]?.dataset.deliveryState).toBe('FAILED'));

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(outboundRows()[0]?.dataset.deliveryState).toBe('DELIVERED'));
    expect(outboundRows()).toHaveLength(1);
    const sends = calls
      .filter((c) => c.path.endsWith('/messages'))
      .map((c) => (c.body as { clientId: string }).clientId);
    expect(sends).toHaveLength(2);
    expect(sends[1]).toBe(sends[0]);

    // The socket's copy arriving after the HTTP answer changes nothing either.
    const stored = outbound(9, '2026-03-10T09:05:00.000Z', { clientId: sends[0], content: { text: 'Hi' } });
    await emit({ type: 'timeline.appended', payload: { conversationId: ID, item: stored } });
    expect(outboundRows()).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('composer-error')).toBeNull());
  });

  it('shows the server’s message when a status change is refused', async () => {
    serve(makeConversation(), [inbound(1, '2026-03-10T09:00:00.000Z')], (method) =>
      method === 'PATCH'
        ? refusal(409, 'conversation_closed', 'The conversation is closed and can no longer be changed')
        : undefined,
    );
    await open();
    expect(screen.getByTestId('status-menu').textContent).toContain('OPEN');
    await userEvent.click(screen.getByTestId('status-menu'));
    await userEvent.click(await screen.findByTestId('status-option-SOLVED'));
    expect((await screen.findByTestId('conversation-error')).textContent).toContain(
      'The conversation is closed and can no longer be changed',
    );
  });

  it('lists forbidden assignees disabled with the reason', async () => {
    serve(makeConversation({ assignee: { id: colleague.id, displayName: colleague.displayName } }), [
      inbound(1, '2026-03-10T09:00:00.000Z'),
    ]);
    await open();
    await userEvent.click(screen.getByTestId('assignee-select'));
    const mine = (await screen.findAllByTestId('assignee-option')).find((o) => o.dataset.userId === me.id);
    expect(mine?.dataset.disabled).toBe('true');
    expect(mine?.textContent).toContain(
      `Assigned to ${colleague.displayName}: only they or a supervisor can reassign it`,
    );
  });

  it('keeps its shortcuts out of text fields', async () => {
    serve(makeConversation(), [inbound(1, '2026-03-10T09:00:00.000Z')]);
    await open();
    const summary = screen.getByTestId('summary-input');
    await userEvent.type(summary, 'n?r');
    expect(document.activeElement).toBe(summary);
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();

    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('n');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('composer-input')));
    expect(screen.getByTestId('composer-input').getAttribute('aria-label')).toBe('Internal note');
    await userEvent.keyboard('?');
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();

    await userEvent.keyboard('{Escape}?');
    expect(await screen.findByTestId('shortcut-sheet')).toBeTruthy();
  });

  it('says so when the conversation leaves the user’s sight', async () => {
    serve(makeConversation(), [inbound(1, '2026-03-10T09:00:00.000Z')]);
    await open();
    await emit({ type: 'conversation.removed', payload: { conversationId: ID } });
    expect(screen.getByTestId('conversation-gone').textContent).toContain(
      'This conversation is no longer visible to you',
    );
    expect(screen.queryByTestId('conversation-view')).toBeNull();
  });
});
