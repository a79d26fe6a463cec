import { describe, expect, it } from 'vitest';
import { ConversationListQuery } from './conversations.ts';
import { ViewFilters } from './views.ts';

describe('ViewFilters', () => {
  it('has exactly the list query fields, without the page cursor and size', () => {
    const listKeys = Object.keys(ConversationListQuery.shape).filter((k) => k !== 'cursor' && k !== 'limit');
    expect(Object.keys(ViewFilters.shape).sort()).toEqual(listKeys.sort());
  });

  it('stores filters the list query accepts as they are', () => {
    const filters = ViewFilters.parse({
      view: 'queue',
      queueId: ['00000000-0000-4000-8000-000000000001'],
      priority: ['URGENT'],
      channel: ['SMS', 'WHATSAPP'],
      pendingLongerThanSeconds: 300,
      createdFrom: '2026-01-01T00:00:00Z',
      sort: 'customer',
      direction: 'desc',
    });
    expect(ConversationListQuery.parse(filters)).toEqual({ ...filters, limit: 50 });
  });

  it('refuses a queue view without a queue', () => {
    expect(ViewFilters.safeParse({ view: 'queue' }).success).toBe(false);
  });
});
