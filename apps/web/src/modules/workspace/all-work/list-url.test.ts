import type { ViewFilters } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import {
  activeEntryKey,
  effectiveSort,
  patchFilters,
  readListUrl,
  sameFilters,
  sortBy,
  writeListUrl,
} from './list-url.ts';

const QUEUE = '00000000-0000-4000-8000-0000000000a1';
const AGENT = '00000000-0000-4000-8000-0000000000b1';
const VIEW = '00000000-0000-4000-8000-0000000000c1';

const read = (query: string) => readListUrl(new URLSearchParams(query));

describe('the list in the URL', () => {
  it('round-trips every filter, the sort and the saved view', () => {
    const filters: ViewFilters = {
      view: 'history',
      status: ['OPEN', 'CLOSED'],
      priority: ['URGENT'],
      channel: ['WHATSAPP', 'EMAIL'],
      queueId: [QUEUE],
      assigneeId: [AGENT],
      customerId: AGENT,
      tag: [QUEUE],
      q: 'refund #42',
      pendingLongerThanSeconds: 1800,
      createdFrom: '2026-11-01T00:00:00.000Z',
      createdTo: '2026-11-21T00:00:00.000Z',
      sort: 'customer',
      direction: 'desc',
    };
    const url = writeListUrl({ filters, savedViewId: VIEW });
    expect(url.get('saved')).toBe(VIEW);
    expect(url.get('channel')).toBe('WHATSAPP,EMAIL');
    expect(read(url.toString())).toEqual({ filters, savedViewId: VIEW });
  });

  it('opens All with nothing in the URL', () => {
    expect(read('')).toEqual({ filters: { view: 'all' }, savedViewId: null });
  });

  it('drops only the values that are not valid', () => {
    const state = read(
      'view=unassigned&priority=URGENT,HUGE&status=NOPE&pendingLongerThanSeconds=abc&createdFrom=yesterday&sort=size&saved=nope&q=%20',
    );
    expect(state).toEqual({ filters: { view: 'unassigned' }, savedViewId: null });
    expect(read('view=weird&channel=SMS').filters).toEqual({ view: 'all', channel: ['SMS'] });
  });

  it('falls back to All for a queue view without its queue', () => {
    expect(read('view=queue').filters).toEqual({ view: 'all' });
    expect(read(`view=queue&queueId=${QUEUE}`).filters).toEqual({ view: 'queue', queueId: [QUEUE] });
  });

  it('compares filter sets regardless of list order and empty fields', () => {
    expect(
      sameFilters(
        { view: 'all', priority: ['HIGH', 'URGENT'], channel: [] },
        { view: 'all', priority: ['URGENT', 'HIGH'] },
      ),
    ).toBe(true);
    expect(sameFilters({ view: 'all' }, { view: 'unassigned' })).toBe(false);
    expect(sameFilters({ view: 'all', q: 'a' }, { view: 'all' })).toBe(false);
  });

  it('drops fields patched to nothing, and a queue view left without its queue', () => {
    expect(patchFilters({ view: 'all', priority: ['LOW'] }, { priority: [] })).toEqual({ view: 'all' });
    expect(patchFilters({ view: 'queue', queueId: [QUEUE] }, { queueId: undefined })).toEqual({
      view: 'all',
    });
  });

  it('names the sidebar entry the list belongs to', () => {
    expect(activeEntryKey({ filters: { view: 'bots' }, savedViewId: null })).toBe('bots');
    expect(activeEntryKey({ filters: { view: 'all', priority: ['LOW'] }, savedViewId: VIEW })).toBe(
      `saved:${VIEW}`,
    );
    expect(activeEntryKey({ filters: { view: 'queue', queueId: [QUEUE] }, savedViewId: null })).toBe(
      `queue:${QUEUE}`,
    );
    expect(activeEntryKey({ filters: { view: 'mine' }, savedViewId: null })).toBeNull();
  });
});

describe('sorting from the headers', () => {
  it('starts from the server defaults: longest pending first, History newest first', () => {
    expect(effectiveSort({ view: 'all' })).toEqual({ sort: 'pending', direction: 'asc' });
    expect(effectiveSort({ view: 'history' })).toEqual({ sort: 'requested', direction: 'desc' });
  });

  it('reverses the current column and sorts another in its usual direction', () => {
    const reversed = sortBy({ view: 'all' }, 'pending');
    expect(reversed).toEqual({ view: 'all', sort: 'pending', direction: 'desc' });
    expect(sortBy(reversed, 'pending')).toEqual({ view: 'all', sort: 'pending' });
    expect(sortBy(reversed, 'priority')).toEqual({ view: 'all', sort: 'priority' });
    expect(sortBy({ view: 'all', sort: 'customer' }, 'customer')).toEqual({
      view: 'all',
      sort: 'customer',
      direction: 'desc',
    });
  });
});
