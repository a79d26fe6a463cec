import type { ConversationListItem, TimelineMessage } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MyWorkPage } from './MyWorkPage.tsx';
import { colleague, emit, type FetchRoute, makeRow, me, renderAt, routeFetch } from './test-support.tsx';

vi.mock('../../../lib/realtime.tsx', async () => ({
  useRealtimeEvent: (await import('./test-support.tsx')).useFakeRealtimeEvent,
}));

/** Serves MY WORK from `rows()` (read at each request, so a refetch sees changes) and Recently viewed. */
function serveLists(rows: () => ConversationListItem[], more = false, recent: ConversationListItem[] = []) {
  const route: FetchRoute = (url) => {
    if (url.pathname === '/api/conversations' && url.searchParams.get('view') === 'mine') {
      return { status: 200, body: { items: rows(), nextCursor: more ? 'next' : null } };
    }
    if (url.pathname === '/api/recently-viewed') return { status: 200, body: { items: recent } };
    return undefined;
  };
  return routeFetch(route);
}

const rowIds = () =>
  within(screen.getByTestId('my-work-list'))
    .getAllByTestId('conversation-row')
    .map((r) => r.getAttribute('data-conversation-id'));
const rowOf = (item: ConversationListItem) =>
  screen.getByTestId('my-work-list').querySelector<HTMLElement>(`[data-conversation-id="${item.id}"]`);
const shared = ({ unreadCount: _, lastCustomerMessage: __, ...conversation }: ConversationListItem) =>
  conversation;

function customerMessage(text: string): TimelineMessage {
  return {
    type: 'message',
    id: '00000000-0000-4000-8000-0000000000ff',
    direction: 'INBOUND',
    channel: 'WHATSAPP',
    from: '447000000001',
    to: '447860099300',
    authorKind: 'CUSTOMER',
    author: null,
    contentType: 'TEXT',
    content: { text },
    deliveryState: 'RECEIVED',
    clientId: null,
    createdAt: new Date().toISOString(),
  };
}

async function renderMyWork(path = '/my-work') {
  const view = renderAt(path, '/my-work', <MyWorkPage />);
  await screen.findByTestId('my-work-list');
  return view;
}

describe('MY WORK list', () => {
  it('shows rows with status, unread state and the empty right pane', async () => {
    const waiting = makeRow(5, { status: 'WAITING' });
    const unread = makeRow(1, { unreadCount: 3 });
    serveLists(() => [unread, waiting]);
    await renderMyWork();
    expect(rowIds()).toEqual([unread.id, waiting.id]);
    const first = rowOf(unread) as HTMLElement;
    expect(first.getAttribute('data-status')).toBe('OPEN');
    expect(first.getAttribute('data-unread')).toBe('3');
    expect(within(first).getByTestId('unread-count').textContent).toBe('3');
    expect(rowOf(waiting)?.getAttribute('data-unread')).toBe('0');
    expect(within(rowOf(waiting) as HTMLElement).queryByTestId('unread-count')).toBeNull();
    expect(within(rowOf(waiting) as HTMLElement).getByText('Waiting')).toBeTruthy();
    expect(screen.getByText('Select a conversation')).toBeTruthy();
    expect(screen.queryByTestId('view-all-link')).toBeNull();
  });

  it('offers VIEW ALL when the server has more than the list shows', async () => {
    serveLists(() => [makeRow(1)], true);
    await renderMyWork();
    expect(screen.getByTestId('view-all-link').getAttribute('href')).toBe(
      `/all-work?view=all&assigneeId=${me.id}`,
    );
  });

  it('moves a conversation to the top, bold with a count, when its customer writes', async () => {
    const a = makeRow(1);
    const b = makeRow(2, { status: 'WAITING' });
    serveLists(() => [a, b]);
    await renderMyWork();
    await emit({
      type: 'timeline.appended',
      payload: { conversationId: b.id, item: customerMessage('Any news?') },
    });
    const reopened = {
      ...shared(b),
      status: 'OPEN' as const,
      lastCustomerMessageAt: new Date().toISOString(),
    };
    await emit({
      type: 'conversation.changed',
      payload: { change: 'message.received', conversation: reopened },
    });
    expect(rowIds()).toEqual([b.id, a.id]);
    const row = rowOf(b) as HTMLElement;
    expect(row.getAttribute('data-unread')).toBe('1');
    expect(row.getAttribute('data-status')).toBe('OPEN');
    expect(within(row).getByText('Any news?')).toBeTruthy();
  });

  it('inserts a conversation newly assigned to me, fetched with its unread count', async () => {
    const a = makeRow(3);
    const arriving = makeRow(1, { unreadCount: 2 });
    let rows = [a];
    const calls = serveLists(() => rows);
    await renderMyWork();
    rows = [arriving, a];
    await emit({
      type: 'conversation.changed',
      payload: { change: 'conversation.assigned', conversation: shared(arriving) },
    });
    await waitFor(() => expect(rowIds()).toEqual([arriving.id, a.id]));
    expect(rowOf(arriving)?.getAttribute('data-unread')).toBe('2');
    expect(calls.filter((c) => c.url.pathname === '/api/conversations')).toHaveLength(2);
  });

  it('drops a conversation assigned away, closed or removed, at once', async () => {
    const [a, b, c, d] = [makeRow(1), makeRow(2), makeRow(3), makeRow(4)];
    serveLists(() => [a, b, c, d]);
    await renderMyWork();
    await emit({
      type: 'conversation.changed',
      payload: { change: 'conversation.assigned', conversation: { ...shared(a), assignee: colleague } },
    });
    await emit({
      type: 'conversation.changed',
      payload: { change: 'conversation.status_changed', conversation: { ...shared(b), status: 'CLOSED' } },
    });
    await emit({ type: 'conversation.removed', payload: { conversationId: c.id } });
    expect(rowIds()).toEqual([d.id]);
  });

  it('follows the read state: the count goes and comes back', async () => {
    const a = makeRow(1, { unreadCount: 2 });
    serveLists(() => [a]);
    await renderMyWork();
    await emit({
      type: 'conversation.read_state_changed',
      payload: { conversationId: a.id, unreadCount: 0 },
    });
    expect(rowOf(a)?.getAttribute('data-unread')).toBe('0');
    expect(screen.queryByTestId('unread-count')).toBeNull();
    await emit({
      type: 'conversation.read_state_changed',
      payload: { conversationId: a.id, unreadCount: 1 },
    });
    expect(screen.getByTestId('unread-count').textContent).toBe('1');
  });

  it('moves through the list with j/k and arrows and opens with Enter', async () => {
    const [a, b, c] = [makeRow(1), makeRow(2), makeRow(3)];
    serveLists(() => [a, b, c]);
    await renderMyWork();
    const user = userEvent.setup();
    await user.keyboard('j');
    expect(document.activeElement).toBe(rowOf(a));
    await user.keyboard('{ArrowDown}j');
    expect(document.activeElement).toBe(rowOf(c));
    await user.keyboard('k');
    expect(document.activeElement).toBe(rowOf(b));
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location').textContent).toBe(`/my-work/${b.id}`);
    expect(rowOf(b)?.getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(rowOf(b));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rowOf(c));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(rowOf(a));
  });

  it('opens the new conversation form with + and with the button', async () => {
    serveLists(() => []);
    renderAt('/my-work', '/my-work', <MyWorkPage />);
    await userEvent.keyboard('+');
    expect(await screen.findByTestId('new-conversation-form')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('new-conversation-form')).toBeNull());
    await userEvent.click(screen.getByTestId('new-conversation-button'));
    expect(await screen.findByTestId('new-conversation-form')).toBeTruthy();
  });

  it('leaves j/k alone while the agent types', async () => {
    serveLists(() => [makeRow(1)]);
    await renderMyWork();
    const input = document.createElement('textarea');
    document.body.append(input);
    input.focus();
    await userEvent.keyboard('jk');
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('jk');
    input.remove();
  });

  it('shows Recently viewed with who handles each conversation', async () => {
    const theirs = makeRow(7, { assignee: colleague, status: 'SOLVED' });
    serveLists(() => [makeRow(1)], false, [theirs]);
    await renderMyWork();
    await userEvent.click(screen.getByText('Recently viewed'));
    const list = await screen.findByTestId('recently-viewed');
    expect(within(list).getByText(`#${theirs.number} · ${colleague.displayName}`)).toBeTruthy();
    expect(screen.queryByTestId('my-work-list')).toBeNull();
  });

  it('highlights the open conversation from the address', async () => {
    const [a, b] = [makeRow(1), makeRow(2)];
    serveLists(() => [a, b]);
    await renderMyWork(`/my-work/${b.id}`);
    expect(rowOf(b)?.getAttribute('aria-current')).toBe('page');
    expect(rowOf(a)?.getAttribute('aria-current')).toBeNull();
    expect(me.roles).toContain('agent');
  });
});
