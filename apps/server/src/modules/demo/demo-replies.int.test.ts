import type { DeliveryState } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { eventually } from '../../channels/infobip/test-support.ts';
import type { Db } from '../../platform/db/client.ts';
import { signIn, type TestSession } from '../users/test-helpers.ts';
import { DEMO_PASSWORD } from './demo-people.ts';
import { loadDemoData } from './seed.ts';

// The demo as `SEED_DEMO=true npm start` makes it: sandbox on, connections pointing at this
// process. An agent's reply must really go out and come back delivered and seen.

let app: App;
let db: Db;
let agent1: TestSession;

beforeAll(async () => {
  const built = await buildTestApp({ SANDBOX_PROVIDER: 'true' });
  ({ app, db } = built);
  const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
  const result = await loadDemoData({
    config: { ...built.config, PORT: Number(address.port), HOST: '127.0.0.1' },
    db,
    logger: built.ctx.logger,
  });
  expect(result.seeded).toBe(true);
  agent1 = await signIn(app, 'agent1@parley.demo', DEMO_PASSWORD);
});
afterAll(async () => {
  await app.close();
});

async function conversationOf(email: string, channel: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `select c.id from conversations c join users u on u.id = c.assignee_user_id
     where u.email = $1 and c.channel = $2 and c.status <> 'CLOSED' order by c.created_at desc limit 1`,
    [email, channel],
  );
  if (!rows[0]) throw new Error(`no open ${channel} conversation of ${email}`);
  return rows[0].id;
}

async function reply(conversationId: string, text: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/messages`,
    headers: agent1.headers,
    payload: { clientId: crypto.randomUUID(), text },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

const stateOf = async (id: string) =>
  (
    await db.pool.query<{ delivery_state: DeliveryState }>(
      'select delivery_state from messages where id = $1',
      [id],
    )
  ).rows[0]?.delivery_state;

describe('demo replies through the sandbox', () => {
  it('a WhatsApp reply goes out and its ticks advance to DELIVERED, then SEEN', async () => {
    const id = await reply(await conversationOf('agent1@parley.demo', 'WHATSAPP'), 'On its way!');
    const states: DeliveryState[] = [];
    await eventually(
      async () => {
        const state = await stateOf(id);
        if (state && states.at(-1) !== state) states.push(state);
        return state === 'SEEN' ? true : undefined;
      },
      'SEEN',
      30_000,
    );
    expect(states).toContain('DELIVERED');
    expect(states).not.toContain('FAILED');
  });

  it('replies on SMS, Viber and Messenger are delivered too', async () => {
    const ids = await Promise.all(
      (['SMS', 'VIBER', 'FACEBOOK_MESSENGER'] as const).map(async (channel) =>
        reply(await conversationOf('agent1@parley.demo', channel), `Reply on ${channel}`),
      ),
    );
    for (const id of ids) {
      await eventually(
        async () => (['DELIVERED', 'SEEN'].includes((await stateOf(id)) ?? '') ? true : undefined),
        `${id} delivered`,
        30_000,
      );
    }
  });
});
