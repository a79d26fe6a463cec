import type { TimelineLog, TimelineMessage, TimelineNote } from '@parley/contracts';

// Timeline entries for tests: `n` makes the id, `at` the creation time.

export const AGENT = { id: '00000000-0000-4000-8000-00000000000a', displayName: 'Liam Agent' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function inbound(n: number, at: string, text = `Customer says ${n}`): TimelineMessage {
  return {
    type: 'message',
    id: id(n),
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
    createdAt: at,
  };
}

export function outbound(n: number, at: string, overrides: Partial<TimelineMessage> = {}): TimelineMessage {
  return {
    ...inbound(n, at, `Agent says ${n}`),
    direction: 'OUTBOUND',
    from: '447860099300',
    to: '447000000001',
    authorKind: 'AGENT',
    author: AGENT,
    deliveryState: 'DELIVERED',
    ...overrides,
  };
}

export function note(n: number, at: string): TimelineNote {
  return { type: 'note', id: id(n), author: AGENT, text: `Note ${n}`, createdAt: at };
}

export function statusLog(n: number, at: string, to = 'SOLVED'): TimelineLog {
  return {
    type: 'log',
    id: id(n),
    kind: 'status',
    from: { value: 'OPEN', label: 'OPEN' },
    to: { value: to, label: to },
    actorKind: 'agent',
    actor: AGENT,
    createdAt: at,
  };
}
