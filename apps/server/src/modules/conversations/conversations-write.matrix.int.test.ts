import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../users/test-helpers.ts';
import { type ConversationSetup, createWriteDesk, errorCode, type WriteDesk } from './write-test-desk.ts';

// The route-level permission matrix of issue 3: every conversation action × who acts on whose
// conversation. Refused actions must leave the conversation exactly as it was.

let desk: WriteDesk;
beforeAll(async () => {
  desk = await createWriteDesk();
});
afterAll(async () => {
  await desk.app.close();
});

type Situation = 'agent-own' | 'agent-other' | 'unassigned' | 'supervisor' | 'closed';
const SITUATIONS: Situation[] = ['agent-own', 'agent-other', 'unassigned', 'supervisor', 'closed'];

/** Who acts (agent `a` unless supervisor) on a conversation in which state. */
function arrange(situation: Situation): { actor: TestSession; setup: ConversationSetup } {
  const { a, b, supervisor } = desk;
  switch (situation) {
    case 'agent-own':
      return { actor: a, setup: { assigneeUserId: a.user.id } };
    case 'agent-other':
      return { actor: a, setup: { assigneeUserId: b.user.id } };
    case 'unassigned':
      return { actor: a, setup: {} };
    case 'supervisor':
      return { actor: supervisor, setup: { assigneeUserId: b.user.id } };
    case 'closed':
      // D2: not even a supervisor changes a CLOSED conversation, nor the agent who held it.
      return { actor: supervisor, setup: { assigneeUserId: a.user.id, closed: true } };
  }
}

interface Action {
  name: string;
  request: (id: string) => { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object };
  setup?: ConversationSetup;
  /** Expected status per situation (a number means success with that status). */
  expect: Record<Situation, number | string>;
}

const ALLOWED_TO_ALL = (ok: number) =>
  ({
    'agent-own': ok,
    'agent-other': ok,
    unassigned: ok,
    supervisor: ok,
    closed: 'conversation_closed',
  }) as const;
const ASSIGNEE_OR_SUPERVISOR = (ok: number, refusal: string) =>
  ({
    'agent-own': ok,
    'agent-other': refusal,
    unassigned: refusal,
    supervisor: ok,
    closed: 'conversation_closed',
  }) as const;

const ACTIONS: Action[] = [
  {
    name: 'rename',
    request: (id) => ({ method: 'PATCH', url: `/api/conversations/${id}`, payload: { topic: 'Renamed' } }),
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'summarise',
    request: (id) => ({ method: 'PATCH', url: `/api/conversations/${id}`, payload: { summary: 'Sum' } }),
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'set priority',
    request: (id) => ({ method: 'PATCH', url: `/api/conversations/${id}`, payload: { priority: 'URGENT' } }),
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'set status',
    request: (id) => ({ method: 'PATCH', url: `/api/conversations/${id}`, payload: { status: 'SOLVED' } }),
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'hand to another agent',
    request: (id) => ({
      method: 'POST',
      url: `/api/conversations/${id}/assign`,
      payload: { userId: desk.c.user.id },
    }),
    expect: ASSIGNEE_OR_SUPERVISOR(200, 'assignment_forbidden'),
  },
  {
    name: 'unassign',
    request: (id) => ({ method: 'POST', url: `/api/conversations/${id}/assign`, payload: { userId: null } }),
    expect: ASSIGNEE_OR_SUPERVISOR(200, 'assignment_forbidden'),
  },
  {
    name: 'assign to me',
    request: (id) => ({ method: 'POST', url: `/api/conversations/${id}/assign-to-me` }),
    expect: {
      'agent-own': 200,
      'agent-other': 'assignment_forbidden',
      unassigned: 200,
      supervisor: 200,
      closed: 'conversation_closed',
    },
  },
  {
    name: 'change queue',
    request: (id) => ({
      method: 'PUT',
      url: `/api/conversations/${id}/queue`,
      payload: { queueId: desk.sales.id },
    }),
    expect: ASSIGNEE_OR_SUPERVISOR(200, 'queue_change_forbidden'),
  },
  {
    name: 'add tag',
    request: (id) => ({
      method: 'POST',
      url: `/api/conversations/${id}/tags`,
      payload: { tagId: desk.tag.id },
    }),
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'remove tag',
    request: (id) => ({ method: 'DELETE', url: `/api/conversations/${id}/tags/${desk.tag.id}` }),
    setup: { tagged: true },
    expect: ALLOWED_TO_ALL(200),
  },
  {
    name: 'reply',
    request: (id) => ({
      method: 'POST',
      url: `/api/conversations/${id}/messages`,
      payload: { clientId: crypto.randomUUID(), text: 'Hi' },
    }),
    expect: ASSIGNEE_OR_SUPERVISOR(201, 'reply_forbidden'),
  },
  {
    name: 'add note',
    request: (id) => ({ method: 'POST', url: `/api/conversations/${id}/notes`, payload: { text: 'FYI' } }),
    expect: ALLOWED_TO_ALL(201),
  },
];

const STATUS_OF: Record<string, number> = {
  conversation_closed: 409,
  assignment_forbidden: 403,
  queue_change_forbidden: 403,
  reply_forbidden: 403,
};

describe('permission matrix of conversation actions', () => {
  for (const action of ACTIONS) {
    for (const situation of SITUATIONS) {
      const expected = action.expect[situation];
      it(`${action.name} · ${situation} → ${expected}`, async () => {
        const { actor, setup } = arrange(situation);
        const id = await desk.conversation({ ...setup, ...action.setup });
        const before = await desk.snapshot(id);
        const { method, url, payload } = action.request(id);
        const res = await desk.call(actor, method, url, payload);
        if (typeof expected === 'number') {
          expect(res.statusCode, res.body).toBe(expected);
          return;
        }
        expect([res.statusCode, errorCode(res)]).toEqual([STATUS_OF[expected], expected]);
        expect(await desk.snapshot(id)).toEqual(before);
      });
    }
  }

  it('answers 404 to an agent for a conversation they cannot see, and changes nothing', async () => {
    const id = await desk.conversation({ queueId: desk.hidden.id });
    const before = await desk.snapshot(id);
    for (const action of ACTIONS) {
      const { method, url, payload } = action.request(id);
      const res = await desk.call(desk.a, method, url, payload);
      expect([res.statusCode, errorCode(res)], action.name).toEqual([404, 'not_found']);
    }
    expect(await desk.snapshot(id)).toEqual(before);
  });
});
