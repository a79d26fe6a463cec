import type { TimelineMessage } from '@parley/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCustomerMessage,
  compareByLastCustomerMessage,
  isInMyWork,
  mergeConversation,
  previewOf,
  setUnreadCount,
  sortByLastCustomerMessage,
  sortsIntoLoaded,
} from './list-patch.ts';
import { colleague, makeRow, me } from './test-support.tsx';

function inbound(
  createdAt: string,
  content: TimelineMessage['content'] = { text: 'Hello' },
): TimelineMessage {
  return {
    type: 'message',
    id: '00000000-0000-4000-8000-0000000000ff',
    direction: 'INBOUND',
    channel: 'SMS',
    from: '1',
    to: '2',
    authorKind: 'CUSTOMER',
    author: null,
    contentType: 'TEXT',
    content,
    deliveryState: 'RECEIVED',
    clientId: null,
    createdAt,
  };
}

describe('MY WORK order', () => {
  it('puts the newest customer message first, conversations without one last, ties by id', () => {
    const never = makeRow(1, { lastCustomerMessageAt: null, lastCustomerMessage: null });
    const old = makeRow(30);
    const fresh = makeRow(2);
    const sameTimeLowerId = makeRow(3, { lastCustomerMessageAt: fresh.lastCustomerMessageAt });
    const sorted = sortByLastCustomerMessage([never, old, sameTimeLowerId, fresh]);
    expect(sorted.map((r) => r.id)).toEqual([sameTimeLowerId.id, fresh.id, old.id, never.id]);
  });

  it('is a total order: any shuffle sorts to the same list', () => {
    const rows = [1, 2, 3, 4, 5].map((n) =>
      makeRow(n % 3, { id: `00000000-0000-4000-8000-00000000000${n}` }),
    );
    rows.push(makeRow(9, { lastCustomerMessageAt: null }));
    const expected = sortByLastCustomerMessage(rows).map((r) => r.id);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        expect(sortByLastCustomerMessage(shuffled).map((r) => r.id)).toEqual(expected);
      }),
    );
    const [a, b] = sortByLastCustomerMessage(rows);
    expect(compareByLastCustomerMessage(a as never, b as never)).toBeLessThan(0);
  });
});

describe('list patches', () => {
  it('counts a new customer message once and shows it as the preview', () => {
    const row = makeRow(10, { unreadCount: 1 });
    const at = new Date().toISOString();
    const once = applyCustomerMessage([row], row.id, inbound(at, { text: 'Where is my order?' }));
    expect(once[0]).toMatchObject({
      unreadCount: 2,
      lastCustomerMessageAt: at,
      lastCustomerMessage: { contentType: 'TEXT', text: 'Where is my order?', createdAt: at },
    });
    // The same message again (or one the fetched list already had) changes nothing.
    expect(applyCustomerMessage(once, row.id, inbound(at))).toBe(once);
    expect(applyCustomerMessage([row], row.id, inbound(row.createdAt))).toEqual([row]);
  });

  it('leaves lists without the conversation untouched', () => {
    const rows = [makeRow(1)];
    expect(applyCustomerMessage(rows, makeRow(2).id, inbound(new Date().toISOString()))).toBe(rows);
    expect(setUnreadCount(rows, makeRow(2).id, 3)).toBe(rows);
    expect(setUnreadCount(rows, makeRow(1).id, 0)).toBe(rows);
  });

  it('merges a pushed conversation but keeps unread and preview, which the push lacks', () => {
    const row = makeRow(1, { unreadCount: 4 });
    const { unreadCount: _, lastCustomerMessage: __, ...pushed } = { ...row, status: 'SOLVED' as const };
    const [merged] = mergeConversation([row], pushed);
    expect(merged).toMatchObject({
      status: 'SOLVED',
      unreadCount: 4,
      lastCustomerMessage: row.lastCustomerMessage,
    });
  });

  it('cuts previews like the server and names files and places', () => {
    const long = 'x'.repeat(300);
    expect(previewOf(inbound('2026-01-01T00:00:00.000Z', { text: long })).text).toHaveLength(200);
    expect(previewOf(inbound('2026-01-01T00:00:00.000Z', { fileName: 'invoice.pdf' })).text).toBe(
      'invoice.pdf',
    );
  });

  it('knows whether a conversation falls in the loaded part of a cut list', () => {
    const loaded = [makeRow(1), makeRow(5)];
    expect(sortsIntoLoaded(loaded, true, makeRow(3))).toBe(true);
    expect(sortsIntoLoaded(loaded, true, makeRow(9))).toBe(false);
    expect(sortsIntoLoaded(loaded, false, makeRow(9))).toBe(true);
    expect(sortsIntoLoaded([], true, makeRow(9))).toBe(true);
  });

  it('holds my assigned, not closed conversations', () => {
    const row = makeRow(1);
    expect(isInMyWork(row, me.id)).toBe(true);
    expect(isInMyWork({ ...row, status: 'CLOSED' }, me.id)).toBe(false);
    expect(isInMyWork({ ...row, assignee: colleague }, me.id)).toBe(false);
    expect(isInMyWork({ ...row, assignee: null }, me.id)).toBe(false);
  });
});
