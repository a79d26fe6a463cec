import type { ConversationListQuery } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { countConversations, listConversationIds } from './conversations.queries.ts';
import { findConversationById } from './conversations.repo.ts';
import { setConversationTopic } from './conversations.service.ts';
import { createReadDesk } from './read-test-desk.ts';

// The list search finds the same conversations, in the list's order, whichever way it takes
// (conversations.search.ts): checking a window of the list's rows (a common term) or its indexes
// (a rare one). Tiny windows force the second way here; the default window the first.

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
const marker = `qz${crypto
  .randomUUID()
  .replace(/[^a-f]/g, '')
  .slice(0, 6)}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
  const supervisor = { kind: 'supervisor', userId: desk.supervisor.user.id } as const;
  for (let i = 0; i < 4; i++) await desk.receive(desk.address(), `unrelated ${i}`);
  ids.text = (await desk.receive(desk.address(), `hello ${marker} world`)).conversationId;
  const named = desk.address();
  await createCustomer(ctx.events, {
    name: `Ana ${marker}son`,
    destinations: [{ channel: 'SMS', address: named }],
  });
  ids.name = (await desk.receive(named, 'hi')).conversationId;
  ids.topic = (await desk.receive(desk.address(), 'about something')).conversationId;
  await setConversationTopic(ctx.events, supervisor, ids.topic, `Topic ${marker.toUpperCase()}`);
  const later = desk.address();
  ids.later = (await desk.receive(later, 'first')).conversationId;
  await desk.receive(later, `second ${marker}`);
  ids.number = (await desk.receive(desk.address(), 'numbered')).conversationId;
  for (let i = 0; i < 3; i++) await desk.receive(desk.address(), `more unrelated ${i}`);
  await ctx.events.drain();
});

afterAll(async () => {
  await app.close();
});

const viewer = () => ({ userId: desk.supervisor.user.id, roles: desk.supervisor.user.roles });

/** Every id of the list, paging two at a time through the cursor. */
async function all(query: Partial<ConversationListQuery>, window?: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listConversationIds(
      db.orm,
      { view: 'history', limit: 2, ...query, cursor },
      viewer(),
      window,
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('list search', () => {
  it('finds topic, customer name, message text (any message) and number alike with a window or the indexes', async () => {
    const { number } = (await findConversationById(db.orm, ids.number as string)) ?? { number: 0 };
    const cases: [string, string[]][] = [
      [marker, [ids.text, ids.name, ids.topic, ids.later] as string[]],
      [`#${number}`, [ids.number as string]],
      // Two characters: no message text (trigrams cannot index it).
      [marker.slice(0, 2), [ids.name, ids.topic] as string[]],
    ];
    for (const sort of ['requested', 'pending', 'customer'] as const) {
      const everything = await all({ sort });
      for (const [q, expected] of cases) {
        const inOrder = everything.filter((id) => expected.includes(id));
        for (const window of [1, 2, 2000]) {
          expect(await all({ q, sort }, window), `${q} ${sort} window ${window}`).toEqual(inOrder);
          const counted = await countConversations(db.orm, { view: 'history', q }, viewer(), 100, window);
          expect(counted, `${q} count window ${window}`).toEqual({ count: expected.length, capped: false });
        }
      }
    }
  });

  it('takes % and _ literally', async () => {
    expect(await all({ q: `${marker}%` })).toEqual([]);
    expect(await all({ q: `${marker.slice(0, 3)}_${marker.slice(4)}` }, 1)).toEqual([]);
  });
});
