import type { InboundMessage } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { chunkByThread } from './inbound-event-chunks.ts';

const message = (from: string, text: string): InboundMessage => ({
  connectionId: 'c',
  channel: 'SMS',
  providerMessageId: text,
  from,
  to: '44999',
  receivedAt: '2026-01-01T00:00:00.000Z',
  contentType: 'TEXT',
  content: { text },
});
const row = (name: string, ...messages: InboundMessage[]) => ({ name, mapped: { messages } });
const names = (chunks: Array<Array<{ name: string }>>) => chunks.map((c) => c.map((r) => r.name));

describe('chunkByThread', () => {
  it('puts rows sharing any thread in one chunk, in arrival order', () => {
    // A carries customers X and Y; B only Y (its first message is not A's first thread).
    const a = row('A', message('X', 'a-x'), message('Y', 'a-y'));
    const b = row('B', message('Y', 'b-y'));
    expect(names(chunkByThread([a, b], 1))).toEqual([['A', 'B']]);
  });

  it('joins threads transitively and keeps unrelated rows apart', () => {
    const rows = [
      row('A', message('X', '1')),
      row('B', message('Z', '2')),
      row('C', message('Y', '3'), message('Z', '4')),
      row('D', message('X', '5'), message('Y', '6')),
      row('E', message('W', '7')),
      row('F'),
    ];
    expect(names(chunkByThread(rows, 1))).toEqual([['A', 'B', 'C', 'D'], ['E'], ['F']]);
  });

  it('fills chunks up to their size without splitting a group', () => {
    const rows = ['P', 'Q', 'R', 'S', 'T'].map((from) => row(from, message(from, from)));
    expect(names(chunkByThread(rows, 2))).toEqual([['P', 'Q'], ['R', 'S'], ['T']]);
    expect(chunkByThread([], 5)).toEqual([]);
  });
});
