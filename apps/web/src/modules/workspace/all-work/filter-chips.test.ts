import { describe, expect, it } from 'vitest';
import {
  clearTrayFilters,
  dayAfterStart,
  dayOf,
  dayStart,
  type FilterNames,
  filterChips,
  lastDayBefore,
  pendingAmount,
  pendingSeconds,
} from './filter-chips.ts';

const SALES = '00000000-0000-4000-8000-0000000000a1';
const BOB = '00000000-0000-4000-8000-0000000000b1';
const GONE = '00000000-0000-4000-8000-0000000000b2';

const names: FilterNames = {
  queue: (id) => (id === SALES ? 'Sales' : undefined),
  agent: (id) => (id === BOB ? 'Bob Agent' : undefined),
  tag: () => 'vip',
  customer: () => 'Jane Doe',
};

describe('filter chips', () => {
  it('show every tray filter with readable values, in the tray order', () => {
    const chips = filterChips(
      {
        view: 'all',
        q: 'refund',
        tag: [SALES],
        assigneeId: [BOB, GONE],
        queueId: [SALES],
        priority: ['URGENT', 'HIGH'],
        channel: ['WHATSAPP'],
        status: ['WAITING'],
        pendingLongerThanSeconds: 7200,
        customerId: BOB,
      },
      names,
    );
    expect(chips.map((c) => `${c.label}: ${c.value}`)).toEqual([
      'Channel: WhatsApp',
      'Priority: Urgent, High',
      'Status: Waiting',
      'Pending over: 2 h',
      'Queue: Sales',
      'Agent: Bob Agent, …',
      'Customer: Jane Doe',
      'Tag: vip',
    ]);
  });

  it('remove only their own filter', () => {
    const filters = {
      view: 'unassigned' as const,
      priority: ['LOW' as const],
      q: 'x',
      sort: 'customer' as const,
    };
    const [priority] = filterChips(filters, names);
    expect(priority?.remove(filters)).toEqual({ view: 'unassigned', q: 'x', sort: 'customer' });
  });

  it('treat a date range as one chip', () => {
    const chips = filterChips(
      { view: 'all', createdFrom: dayStart('2026-11-01'), createdTo: dayAfterStart('2026-11-20') },
      names,
    );
    expect(chips).toHaveLength(1);
    expect(chips[0]?.label).toBe('Requested');
    // The days' format follows the browser's locale; both ends and the dash are there.
    const [start, end] = (chips[0]?.value ?? '').split(' – ');
    expect(start).toMatch(/\b1\b/);
    expect(end).toMatch(/\b20\b/);
    expect(
      chips[0]?.remove(chips[0] ? { view: 'all', createdFrom: 'x', createdTo: 'y' } : { view: 'all' }),
    ).toEqual({
      view: 'all',
    });
  });

  it('leave a queue view’s own queue to the sidebar', () => {
    expect(filterChips({ view: 'queue', queueId: [SALES] }, names)).toEqual([]);
    expect(clearTrayFilters({ view: 'queue', queueId: [SALES], priority: ['LOW'], q: 'a' })).toEqual({
      view: 'queue',
      queueId: [SALES],
      q: 'a',
    });
  });
});

describe('tray conversions', () => {
  it('show whole hours as hours, anything else as minutes', () => {
    expect(pendingAmount(7200)).toEqual({ amount: 2, unit: 'hours' });
    expect(pendingAmount(5400)).toEqual({ amount: 90, unit: 'minutes' });
    expect(pendingAmount(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(pendingSeconds(3, 'hours')).toBe(10_800);
    expect(pendingSeconds(15, 'minutes')).toBe(900);
  });

  it('make "to" a whole local day, exclusive at the next midnight', () => {
    const from = dayStart('2026-03-28') as string;
    const to = dayAfterStart('2026-03-29') as string;
    expect(dayOf(from)).toBe('2026-03-28');
    expect(lastDayBefore(to)).toBe('2026-03-29');
    expect(dayOf(to)).toBe('2026-03-30');
    expect(dayStart('2026-13-45x')).toBeUndefined();
    expect(dayStart('')).toBeUndefined();
  });
});
