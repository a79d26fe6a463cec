import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MyWorkPage } from './MyWorkPage.tsx';
import { makeRow, renderAt, routeFetch } from './test-support.tsx';

vi.mock('../../../lib/realtime.tsx', async () => ({
  useRealtimeEvent: (await import('./test-support.tsx')).useFakeRealtimeEvent,
}));

describe('VIEW ALL: all my conversations', () => {
  it('pages through every conversation of mine and filters by status', async () => {
    const first = [makeRow(1), makeRow(2)];
    const second = [makeRow(3, { status: 'WAITING' })];
    const calls = routeFetch((url) => {
      if (url.pathname !== '/api/conversations') return undefined;
      if (url.searchParams.get('status') === 'WAITING')
        return { status: 200, body: { items: second, nextCursor: null } };
      return url.searchParams.get('cursor') === 'page-2'
        ? { status: 200, body: { items: second, nextCursor: null } }
        : { status: 200, body: { items: first, nextCursor: 'page-2' } };
    });
    renderAt('/my-work/all', '/my-work', <MyWorkPage />);
    const list = await screen.findByTestId('my-conversations-list');
    expect(within(list).getAllByTestId('conversation-row')).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByTestId('conversation-row')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(calls.every((c) => c.url.searchParams.get('view') === 'mine')).toBe(true);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Waiting' }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('my-conversations-list'))
          .getAllByTestId('conversation-row')
          .map((r) => r.getAttribute('data-status')),
      ).toEqual(['WAITING']),
    );
    expect(calls.at(-1)?.url.searchParams.get('status')).toBe('WAITING');
  });
});
