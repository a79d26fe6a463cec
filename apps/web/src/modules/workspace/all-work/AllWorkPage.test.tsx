import type {
  BulkActionResult,
  ConversationListItem,
  SavedView,
  ViewCount,
  ViewCounts,
} from '@parley/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithProviders } from '../../../test/render.tsx';
import { CurrentUserProvider } from '../../auth/current-user.tsx';
import { colleague, emit, type FetchRoute, makeRow, me, routeFetch } from '../my-work/test-support.tsx';
import { AllWorkPage } from './AllWorkPage.tsx';
import { renderAllWork } from './test-support.tsx';

vi.mock('../../../lib/realtime.tsx', async () => ({
  useRealtimeEvent: (await import('../my-work/test-support.tsx')).useFakeRealtimeEvent,
}));

// jsdom lays nothing out: give the list's scroller a height so the virtualiser draws its rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.getAttribute('data-testid') === 'work-table-scroller' ? 800 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

const count = (n: number, capped = false): ViewCount => ({ count: n, capped });
const SALES = '00000000-0000-4000-8000-0000000000a1';

function sidebarCounts(overrides: Partial<ViewCounts> = {}): ViewCounts {
  return {
    predefined: {
      unassigned: count(3),
      all: count(10_000, true),
      history: count(10_000, true),
      allBots: count(0),
    },
    views: [],
    queues: [{ queueId: SALES, name: 'Sales', ...count(7) }],
    ...overrides,
  };
}

function savedView(id: string, name: string, scope: SavedView['scope'], editable: boolean): SavedView {
  return {
    id,
    name,
    scope,
    editable,
    filters: { view: 'all', priority: ['URGENT'] },
    createdBy: { id: me.id, displayName: me.displayName },
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

interface Server {
  rows?: ConversationListItem[];
  total?: ViewCount;
  counts?: ViewCounts;
  views?: SavedView[];
  bulk?: BulkActionResult;
  onCounts?: () => void;
}

/** Answers every request of the screen: the list is `rows` and an empty second page. */
function serve(server: Server = {}) {
  const route: FetchRoute = (url, init) => {
    const method = init.method ?? 'GET';
    if (url.pathname === '/api/conversations' && method === 'GET') {
      // A second page is announced, and is empty.
      const next = url.searchParams.has('cursor');
      return {
        status: 200,
        body: { items: next ? [] : (server.rows ?? []), nextCursor: next ? null : 'more' },
      };
    }
    if (url.pathname === '/api/views/count') return { status: 200, body: server.total ?? count(120) };
    if (url.pathname === '/api/views/counts') {
      server.onCounts?.();
      return { status: 200, body: server.counts ?? sidebarCounts() };
    }
    if (url.pathname === '/api/views') return { status: 200, body: { items: server.views ?? [] } };
    if (url.pathname === '/api/conversations/bulk')
      return { status: 200, body: server.bulk ?? { matched: 0, changed: 0, refused: [] } };
    if (['/api/agents', '/api/queues', '/api/tags'].includes(url.pathname))
      return { status: 200, body: { items: [] } };
    return undefined;
  };
  return routeFetch(route);
}

const listCalls = (calls: { url: URL; init: RequestInit }[]) =>
  calls.filter((c) => c.url.pathname === '/api/conversations' && (c.init.method ?? 'GET') === 'GET');
const location = () => new URLSearchParams(screen.getByTestId('location').textContent?.split('?')[1] ?? '');

// Each test drives several renders of a big screen; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

describe('ALL WORK list and URL', () => {
  it('opens the list the URL describes, and every filter change lands in the URL', async () => {
    const calls = serve({ rows: [makeRow(1)] });
    renderAllWork('/all-work?view=unassigned&priority=URGENT');
    await screen.findAllByTestId('work-row');
    const first = listCalls(calls)[0]?.url.searchParams;
    expect(first?.get('view')).toBe('unassigned');
    expect(first?.get('priority')).toBe('URGENT');
    expect(first?.get('limit')).toBe('50');
    expect(screen.getByTestId('list-title').textContent).toBe('Unassigned');

    const chip = screen.getByTestId('filter-chip');
    expect(chip.textContent).toContain('Priority: Urgent');
    await userEvent.click(within(chip).getByRole('button', { name: /remove filter/i }));
    await waitFor(() => expect(location().toString()).toBe('view=unassigned'));
    expect(screen.queryByTestId('filter-chip')).toBeNull();

    await userEvent.click(screen.getByTestId('quick-channel-menu'));
    await userEvent.click(await screen.findByTestId('quick-channel-WHATSAPP'));
    await waitFor(() => expect(location().get('channel')).toBe('WHATSAPP'));
    expect(screen.getByTestId('quick-channel-menu').textContent).toBe('WhatsApp');
    expect(screen.getByTestId('quick-channel-WHATSAPP').getAttribute('aria-checked')).toBe('true');
    await userEvent.click(screen.getByTestId('sort-customer'));
    await waitFor(() => expect(location().get('sort')).toBe('customer'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.url.searchParams.get('sort')).toBe('customer'));
    expect(screen.getByTestId('filter-chip').textContent).toContain('Channel: WhatsApp');
  });

  it('keeps both of two changes made before the list renders again', async () => {
    serve({ rows: [makeRow(1)] });
    renderAllWork('/all-work?view=unassigned');
    await screen.findAllByTestId('work-row');
    await userEvent.click(screen.getByTestId('quick-channel-menu'));
    const sms = await screen.findByTestId('quick-channel-SMS');
    act(() => {
      fireEvent.click(screen.getByTestId('quick-priority-URGENT'));
      fireEvent.click(sms);
    });
    await waitFor(() => expect(location().toString()).toBe('view=unassigned&priority=URGENT&channel=SMS'));
  });

  it('searches after a pause in typing, once', async () => {
    const calls = serve({ rows: [makeRow(1)] });
    renderAllWork('/all-work');
    await screen.findAllByTestId('work-row');
    await userEvent.type(screen.getByTestId('search-input'), 'refund');
    await waitFor(() => expect(location().get('q')).toBe('refund'), { timeout: 3000 });
    const searches = listCalls(calls).filter((c) => c.url.searchParams.has('q'));
    expect(searches.map((c) => c.url.searchParams.get('q'))).toEqual(['refund']);
  });

  it('shows the sidebar with live counts, 10k+ above the cap, global views first and marked', async () => {
    const global = savedView('00000000-0000-4000-8000-0000000000c1', 'Escalations', 'global', false);
    const mine = savedView('00000000-0000-4000-8000-0000000000c2', 'My urgent', 'private', true);
    serve({
      rows: [makeRow(1)],
      views: [global, mine],
      counts: sidebarCounts({
        views: [
          { viewId: global.id, ...count(4) },
          { viewId: mine.id, ...count(2) },
        ],
      }),
    });
    renderAllWork('/all-work?view=history');
    const sidebar = await screen.findByTestId('views-sidebar');
    const entry = (key: string) => sidebar.querySelector<HTMLElement>(`[data-entry="${key}"]`) as HTMLElement;
    await waitFor(() => expect(within(entry('all')).getByTestId('sidebar-count').textContent).toBe('10k+'));
    expect(within(entry('unassigned')).getByTestId('sidebar-count').textContent).toBe('3');
    expect(within(entry(`queue:${SALES}`)).getByTestId('sidebar-count').textContent).toBe('7');
    expect(within(entry('history')).getByRole('link').getAttribute('aria-current')).toBe('page');
    const custom = [...sidebar.querySelectorAll<HTMLElement>('[data-entry^="saved:"]')];
    expect(custom.map((e) => e.dataset.name)).toEqual(['Escalations', 'My urgent']);
    expect(within(custom[0] as HTMLElement).queryByTestId('global-mark')).not.toBeNull();
    expect(within(custom[0] as HTMLElement).queryByTestId('view-actions')).toBeNull();
    expect(within(custom[1] as HTMLElement).queryByTestId('view-actions')).not.toBeNull();
  });

  it('re-reads the counts on conversation events at most once per second', async () => {
    const countReads: number[] = [];
    serve({ rows: [makeRow(1)], onCounts: () => countReads.push(Date.now()) });
    renderAllWork('/all-work');
    await screen.findAllByTestId('work-row');
    await waitFor(() => expect(countReads).toHaveLength(1));
    const { unreadCount: _, lastCustomerMessage: __, ...conversation } = makeRow(1, { priority: 'HIGH' });
    const burstStart = Date.now();
    for (let i = 0; i < 8; i++) {
      await emit({ type: 'conversation.changed', payload: { change: 'conversation.updated', conversation } });
      await new Promise((r) => setTimeout(r, 50));
    }
    const burst = Date.now() - burstStart;
    // The first event reads at once, and the end of the burst is read after it: never two reads within a second.
    await waitFor(() => expect(countReads.length).toBeGreaterThanOrEqual(3), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 1200));
    const gaps = countReads.slice(2).map((t, i) => t - (countReads[i + 1] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(990);
    expect(countReads.length - 1).toBeLessThanOrEqual(Math.ceil(burst / 1000) + 1);
    // The pushed change shows in its row at once.
    expect(screen.getByTestId('work-row').dataset.priority).toBe('HIGH');
  });
});

describe('ALL WORK keyboard', () => {
  it('moves between rows with the arrows, ticks with x and opens with Enter', async () => {
    serve({ rows: [makeRow(1), makeRow(2), makeRow(3)] });
    renderAllWork('/all-work');
    const [first, second] = await screen.findAllByTestId('work-row');
    (first as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(second));
    await userEvent.keyboard('x');
    expect(screen.getByTestId('selection-count').textContent).toBe('1 selected');
    expect(second?.dataset.selected).toBe('true');
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('conversation-opened');
    expect(screen.getByTestId('location').textContent).toBe(`/conversations/${makeRow(2).id}`);
  });
});

describe('ALL WORK bulk actions', () => {
  it('reassigns the ticked rows and lists what was refused and why', async () => {
    const own = makeRow(1);
    const theirs = makeRow(2, { assignee: colleague });
    const calls = serve({
      rows: [own, theirs],
      bulk: {
        matched: 2,
        changed: 1,
        refused: [
          {
            conversationId: theirs.id,
            number: theirs.number,
            code: 'assignment_forbidden',
            message: 'The conversation is assigned to another agent',
          },
        ],
      },
    });
    renderAllWork('/all-work');
    const rows = await screen.findAllByTestId('work-row');
    for (const row of rows) await userEvent.click(within(row).getByTestId('row-select'));
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected');

    await userEvent.click(screen.getByTestId('bulk-reassign'));
    await userEvent.click(await screen.findByTestId('bulk-assignee'));
    await userEvent.click(await screen.findByRole('option', { name: 'Assign to me', hidden: true }));
    await userEvent.click(screen.getByTestId('bulk-apply'));

    const result = await screen.findByTestId('bulk-result');
    const post = calls.find((c) => c.url.pathname === '/api/conversations/bulk');
    expect(JSON.parse(post?.init.body as string)).toEqual({
      ids: [own.id, theirs.id],
      action: { type: 'reassign', userId: me.id },
    });
    expect(within(result).getByTestId('bulk-result-summary').textContent).toContain('Changed 1');
    expect(within(result).getByTestId('bulk-result-summary').textContent).toContain('refused 1');
    const refusal = within(result).getByTestId('bulk-refusal');
    expect(refusal.dataset.number).toBe(String(theirs.number));
    expect(refusal.textContent).toBe(`#${theirs.number} — The conversation is assigned to another agent`);
    // The selection is done with, and the list is read again.
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
    await waitFor(() => expect(listCalls(calls).length).toBeGreaterThan(1));
  });

  it('selects all matching as the filter, not as the ids on screen', async () => {
    const calls = serve({
      rows: [makeRow(1), makeRow(2)],
      total: count(120),
      bulk: { matched: 120, changed: 120, refused: [] },
    });
    renderAllWork('/all-work?view=unassigned&channel=SMS');
    await screen.findAllByTestId('work-row');
    await userEvent.click(screen.getByTestId('select-page'));
    await userEvent.click(await screen.findByTestId('select-all-matching'));
    expect(screen.getByTestId('selection-count').textContent).toBe('All 120 matching selected');

    await userEvent.click(screen.getByTestId('bulk-status'));
    await userEvent.click(within(await screen.findByTestId('bulk-dialog')).getByText('Closed'));
    await userEvent.click(screen.getByTestId('bulk-apply'));
    // Closing asks once more.
    await userEvent.click(await screen.findByRole('button', { name: 'Close conversations' }));

    await screen.findByTestId('bulk-result');
    const post = calls.find((c) => c.url.pathname === '/api/conversations/bulk');
    expect(JSON.parse(post?.init.body as string)).toEqual({
      filter: { view: 'unassigned', channel: ['SMS'] },
      action: { type: 'status', status: 'CLOSED' },
    });
  });
});

describe('ALL WORK for supervisors', () => {
  it('offers global views and internal notes in downloads', async () => {
    serve({ rows: [makeRow(1)] });
    const supervisor = makeUser({ id: me.id, roles: ['supervisor'] });
    renderWithProviders(
      <CurrentUserProvider user={supervisor}>
        <AllWorkPage />
      </CurrentUserProvider>,
    );
    await screen.findAllByTestId('work-row');
    await userEvent.click(screen.getByTestId('create-view'));
    expect(await screen.findByTestId('view-scope')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(screen.getByTestId('work-row')).getByTestId('row-select'));
    await userEvent.click(screen.getByTestId('bulk-download'));
    expect(await screen.findByTestId('download-notes')).toBeTruthy();
  });
});
