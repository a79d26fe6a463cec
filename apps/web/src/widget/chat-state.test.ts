import type { VisitorMessage } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import {
  confirmOutbox,
  isAfter,
  latestAgentMessage,
  mergeMessages,
  type OutboxEntry,
  seenMessageId,
  unreadAgentMessages,
} from './chat-state.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function message(n: number, author: 'visitor' | 'agent', clientId: string | null = null): VisitorMessage {
  return {
    id: id(n),
    clientId,
    author,
    agentName: author === 'agent' ? 'Alice' : null,
    text: `message ${n}`,
    attachment: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString(),
  };
}

const pending = (clientId: string): OutboxEntry => ({
  clientId,
  text: 'hi',
  attachment: null,
  createdAt: new Date().toISOString(),
  state: 'sending',
});

describe('mergeMessages', () => {
  it('adds each message once, in time order, whatever order and repeats they arrive in', () => {
    const merged = mergeMessages(
      [message(2, 'agent')],
      [message(3, 'visitor'), message(1, 'visitor'), message(2, 'agent'), message(3, 'visitor')],
    );
    expect(merged.map((m) => m.id)).toEqual([id(1), id(2), id(3)]);
  });

  it('returns the same array when nothing is new, so the view skips re-rendering', () => {
    const current = [message(1, 'visitor')];
    expect(mergeMessages(current, [message(1, 'visitor')])).toBe(current);
  });
});

describe('confirmOutbox', () => {
  it('drops the entries whose client id the server has stored, keeps the others', () => {
    const outbox = [pending(id(90)), pending(id(91))];
    expect(confirmOutbox(outbox, [message(1, 'visitor', id(90))])).toEqual([outbox[1]]);
    expect(confirmOutbox(outbox, [message(1, 'agent')])).toBe(outbox);
  });
});

describe('read marks', () => {
  const chat = [message(1, 'visitor'), message(2, 'visitor'), message(3, 'agent'), message(4, 'visitor')];

  it('shows "Seen" under the latest visitor message at or before the mark', () => {
    expect(seenMessageId(chat, id(2))).toBe(id(2));
    expect(seenMessageId(chat, id(3))).toBe(id(2));
    expect(seenMessageId(chat, null)).toBeNull();
    expect(seenMessageId(chat, id(99))).toBeNull();
  });

  it('counts agent messages after the last one the visitor saw', () => {
    const more = [...chat, message(5, 'agent'), message(6, 'agent')];
    expect(unreadAgentMessages(more, null)).toBe(3);
    expect(unreadAgentMessages(more, id(3))).toBe(2);
    expect(unreadAgentMessages(more, id(6))).toBe(0);
    expect(latestAgentMessage(more)?.id).toBe(id(6));
    expect(latestAgentMessage([message(1, 'visitor')])).toBeNull();
  });

  it('orders ids by their place in the chat', () => {
    expect(isAfter(chat, id(3), id(2))).toBe(true);
    expect(isAfter(chat, id(2), id(3))).toBe(false);
    expect(isAfter(chat, id(1), null)).toBe(true);
  });
});
