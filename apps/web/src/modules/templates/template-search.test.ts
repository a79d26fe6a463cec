import type { Template } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { searchTemplates } from './template-search.ts';

const tag = (name: string) => ({ id: crypto.randomUUID(), name, color: '#228be6' });
const template = (name: string, text: string, tags: string[] = []): Template => ({
  id: crypto.randomUUID(),
  name,
  text,
  language: 'en',
  channel: null,
  tags: tags.map(tag),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const catalogue = [
  template('Greeting', 'Hi {{customer.firstName}}', ['greeting']),
  template('Order shipped', 'Your parcel is on its way', ['order']),
  template('Order status: checking', 'Let me check', ['order']),
  template('Refund issued', 'Refund within 5 days', ['refund']),
];

const names = (query: string) => searchTemplates(catalogue, query).map((h) => h.template.name);

describe('searchTemplates', () => {
  it('keeps the order for an empty query', () => {
    expect(names(' ')).toEqual(catalogue.map((t) => t.name));
  });

  it('ranks fuzzy name matches first, then tag and text matches', () => {
    expect(names('ordst')).toEqual(['Order status: checking']);
    expect(names('order')[0]).toBe('Order shipped');
    expect(names('parcel')).toEqual(['Order shipped']);
    expect(names('refnd')).toEqual(['Refund issued']);
    expect(names('zzz')).toEqual([]);
  });

  it('returns the matched name characters for highlighting', () => {
    const [hit] = searchTemplates(catalogue, 'grt');
    expect(hit?.nameIndices).toEqual([0, 1, 4]);
  });
});
