import type { Conversation, ConversationListItem, Page, TimelineItem } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { addNote, sendAgentMessage } from '../messages/messages.service.ts';
import { setQueueMembers } from '../queues/queues.service.ts';
import type { TestSession } from '../users/test-helpers.ts';
import { setConversationPriority, setConversationStatus } from './conversations.service.ts';
import { conversationAudience } from './conversations.visibility.ts';
import { createReadDesk } from './read-test-desk.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
/** Conversations by where they live: the Default queue, Sales, Sales assigned to the member. */
let inDefault: string;
let inSales: string;
let salesOfMember: string;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
  inDefault = (await desk.receive(desk.address(), 'default one')).conversationId;
  inSales = (await desk.receive(desk.address(), 'sales one')).conversationId;
  await desk.moveToSales(inSales);
  salesOfMember = (await desk.receive(desk.address(), 'handed over')).conversationId;
  await desk.moveToSales(salesOfMember);
  await desk.assign(salesOfMember, desk.member.user.id);
});

afterAll(async () => {
  await app.close();
});

const list = async (session: TestSession, query: string) => {
  const res = await desk.get(session, `/api/conversations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page<ConversationListItem>;
};
const ids = (page: Page<{ id: string }>) => page.items.map((c) => c.id);

describe('conversation lists', () => {
  it('refuses anonymous callers and bad queries', async () => {
    expect((await app.inject({ url: '/api/conversations' })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/conversations/${inDefault}` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/recently-viewed' })).statusCode).toBe(401);
    for (const query of [
      'view=nope',
      'limit=101',
      'status=LATE',
      'view=queue',
      'cursor=garbage',
      'sort=size',
    ]) {
      const res = await desk.get(desk.member, `/api/conversations?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const cursor = (await list(desk.supervisor, 'limit=1&sort=requested')).nextCursor;
    const reused = await desk.get(
      desk.supervisor,
      `/api/conversations?limit=1&sort=pending&cursor=${cursor}`,
    );
    expect(reused.statusCode).toBe(400);
  });

  it('answers 400 (not 500) to a cursor whose key does not fit its sort', async () => {
    const forge = (order: string, key: string) =>
      Buffer.from(JSON.stringify([order, key, inDefault])).toString('base64url');
    const urls = [
      `/api/conversations?sort=requested&cursor=${forge('requested:desc', 'yesterday')}`,
      `/api/conversations?sort=requested&cursor=${forge('requested:desc', '2026-02-30 10:00:00+00')}`,
      `/api/conversations?sort=pending&cursor=${forge('pending:asc', '2026-01-01 25:00:00+00')}`,
      `/api/conversations?sort=priority&cursor=${forge('priority:desc', '1.5')}`,
      `/api/conversations?sort=priority&cursor=${forge('priority:desc', '99999999999')}`,
      `/api/conversations?sort=customer&cursor=${forge('customer:asc', 'a\u0000b')}`,
      `/api/conversations/${inDefault}/timeline?before=${forge('timeline', 'now')}`,
    ];
    for (const url of urls) {
      const res = await desk.get(desk.supervisor, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const infinity = forge('pending:asc', 'infinity');
    expect((await desk.get(desk.supervisor, `/api/conversations?cursor=${infinity}`)).statusCode).toBe(200);
    const leapDay = forge('requested:desc', '2024-02-29 23:59:59.999999+05:30');
    expect(
      (await desk.get(desk.supervisor, `/api/conversations?sort=requested&cursor=${leapDay}`)).statusCode,
    ).toBe(200);
  });

  it('documents the list query in the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const params = res.json().paths['/api/conversations'].get.parameters as { name: string }[];
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['view', 'status', 'q', 'cursor', 'limit']),
    );
  });

  it('applies D4 visibility per role in lists and gets (invisible is 404)', async () => {
    const memberSees = ids(await list(desk.member, 'view=all'));
    expect(memberSees).toEqual(expect.arrayContaining([inDefault, inSales, salesOfMember]));
    const outsiderSees = ids(await list(desk.outsider, 'view=all'));
    expect(outsiderSees).toContain(inDefault);
    expect(outsiderSees).not.toContain(inSales);
    expect(ids(await list(desk.supervisor, 'view=all'))).toEqual(
      expect.arrayContaining([inDefault, inSales]),
    );

    expect((await desk.get(desk.outsider, `/api/conversations/${inSales}`)).statusCode).toBe(404);
    expect((await desk.get(desk.outsider, `/api/conversations/${inSales}/timeline`)).statusCode).toBe(404);
    expect((await desk.post(desk.outsider, `/api/conversations/${inSales}/read`)).statusCode).toBe(404);
    const got = await desk.get(desk.member, `/api/conversations/${inSales}`);
    expect(got.statusCode).toBe(200);
    const conv = got.json() as Conversation;
    expect(conv).toMatchObject({ id: inSales, status: 'OPEN', queue: { id: desk.sales.id }, assignee: null });
    expect(conv.customer.address).toMatch(/^385/);
  });

  it('lets a supervisor close the Default queue to agents who are not its members (D4)', async () => {
    const settingsUrl = `/api/queues/${desk.defaultQueue.id}/settings`;
    const patch = (session: TestSession, url: string, payload: object) =>
      app.inject({ method: 'PATCH', url, headers: session.headers, payload });
    const queueNames = async (session: TestSession) =>
      ((await desk.get(session, '/api/queues')).json() as { items: { name: string }[] }).items.map(
        (q) => q.name,
      );
    const audience = () =>
      conversationAudience(db.orm, { queueId: desk.defaultQueue.id, assigneeUserId: null });

    expect((await patch(desk.outsider, settingsUrl, { openToAllAgents: false })).statusCode).toBe(403);
    const salesOpen = await patch(desk.supervisor, `/api/queues/${desk.sales.id}/settings`, {
      openToAllAgents: true,
    });
    expect([salesOpen.statusCode, salesOpen.json().error.code]).toEqual([400, 'validation_failed']);

    const closed = await patch(desk.supervisor, settingsUrl, { openToAllAgents: false });
    expect([closed.statusCode, closed.json().openToAllAgents]).toEqual([200, false]);
    try {
      expect(ids(await list(desk.outsider, 'view=all'))).not.toContain(inDefault);
      expect((await desk.get(desk.outsider, `/api/conversations/${inDefault}`)).statusCode).toBe(404);
      expect(await queueNames(desk.outsider)).not.toContain('Default');
      const sidebar = (await desk.get(desk.outsider, '/api/views/counts')).json() as {
        queues: { name: string }[];
      };
      expect(sidebar.queues.map((q) => q.name)).not.toContain('Default');
      expect((await audience()).roles).toEqual(['supervisor']);
      expect(ids(await list(desk.supervisor, 'view=all'))).toContain(inDefault);
      // A member of the Default queue still sees it.
      await setQueueMembers(ctx.events, desk.defaultQueue.id, [desk.member.user.id]);
      expect(ids(await list(desk.member, 'view=all'))).toContain(inDefault);
      expect((await audience()).userIds).toEqual([desk.member.user.id]);
    } finally {
      await setQueueMembers(ctx.events, desk.defaultQueue.id, []);
      expect((await patch(desk.supervisor, settingsUrl, { openToAllAgents: true })).statusCode).toBe(200);
    }
    expect(ids(await list(desk.outsider, 'view=all'))).toContain(inDefault);
    expect((await audience()).roles).toEqual(['supervisor', 'agent']);
  });

  it('an agent always sees what is assigned to them, whatever the queue', async () => {
    // A supervisor moves the outsider's conversation into Sales, which unassigns a non-member (D3) …
    const { conversationId } = await desk.receive(desk.address());
    await desk.assign(conversationId, desk.outsider.user.id);
    await desk.moveToSales(conversationId);
    const stillHeld = await ctx.db.pool.query('select assignee_user_id from conversations where id = $1', [
      conversationId,
    ]);
    // … so the outsider loses sight of it,
    expect(stillHeld.rows[0].assignee_user_id).toBeNull();
    expect((await desk.get(desk.outsider, `/api/conversations/${conversationId}`)).statusCode).toBe(404);
    // and sees it again once it is theirs (set directly: D3 would refuse a non-member assignee).
    await ctx.db.pool.query('update conversations set assignee_user_id = $2 where id = $1', [
      conversationId,
      desk.outsider.user.id,
    ]);
    expect((await desk.get(desk.outsider, `/api/conversations/${conversationId}`)).statusCode).toBe(200);
    expect(ids(await list(desk.outsider, 'view=mine'))).toContain(conversationId);
  });

  it('views: mine, unassigned, history, queue; filters narrow them', async () => {
    expect(ids(await list(desk.member, 'view=mine'))).toEqual([salesOfMember]);
    const unassigned = ids(await list(desk.supervisor, 'view=unassigned'));
    expect(unassigned).toContain(inDefault);
    expect(unassigned).not.toContain(salesOfMember);
    expect(ids(await list(desk.supervisor, `view=queue&queueId=${desk.sales.id}`))).toEqual(
      expect.arrayContaining([inSales, salesOfMember]),
    );
    const closed = (await desk.receive(desk.address(), 'closing')).conversationId;
    await setConversationStatus(ctx.events, { kind: 'system' }, closed, 'CLOSED');
    expect(ids(await list(desk.supervisor, 'view=all'))).not.toContain(closed);
    expect(ids(await list(desk.supervisor, 'view=history'))).toContain(closed);
    expect(ids(await list(desk.supervisor, 'view=history&status=CLOSED'))).toEqual([closed]);

    await setConversationPriority(ctx.events, { kind: 'system' }, inSales, 'URGENT');
    expect(ids(await list(desk.supervisor, 'priority=URGENT,HIGH'))).toEqual([inSales]);
    expect(ids(await list(desk.supervisor, 'q=sales%20one'))).toEqual([inSales]);
    const number = (await desk.get(desk.supervisor, `/api/conversations/${inSales}`)).json().number;
    expect(ids(await list(desk.supervisor, `q=%23${number}`))).toContain(inSales);
    expect(ids(await list(desk.supervisor, `assigneeId=${desk.member.user.id}`))).toEqual([salesOfMember]);
    expect(ids(await list(desk.supervisor, 'channel=WHATSAPP'))).toEqual([]);
    expect(ids(await list(desk.supervisor, 'createdFrom=2999-01-01T00:00:00Z'))).toEqual([]);
    expect(ids(await list(desk.supervisor, 'pendingLongerThanSeconds=86400'))).toEqual([]);
    const row = (await list(desk.supervisor, 'q=sales%20one')).items[0];
    expect(row?.lastCustomerMessage).toMatchObject({ contentType: 'TEXT', text: 'sales one' });
  });

  it('keyset pages never duplicate or miss a row, with ties and non-pending rows', async () => {
    const made: string[] = [];
    for (let i = 0; i < 14; i++) made.push((await desk.receive(desk.address(), `bulk ${i}`)).conversationId);
    // Ties on the sort key, and rows with nothing pending (sorted last when the longest wait leads).
    await db.pool.query(
      `update conversations set pending_since = case
         when number % 3 = 0 then '2026-01-01T10:00:00Z'::timestamptz
         when number % 3 = 1 then null else pending_since end
       where id = any($1::uuid[])`,
      [made],
    );
    for (const sort of ['pending', 'customer', 'priority', 'requested', 'lastCustomerMessage']) {
      for (const direction of ['asc', 'desc']) {
        const all = ids(
          await list(desk.supervisor, `view=history&sort=${sort}&direction=${direction}&limit=100`),
        );
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Page<ConversationListItem> = await list(
            desk.supervisor,
            `view=history&sort=${sort}&direction=${direction}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
          );
          paged.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${direction}`).toEqual(all);
        expect(new Set(paged).size).toBe(paged.length);
      }
    }
    const pending = (await list(desk.supervisor, 'view=history&sort=pending&limit=100')).items;
    const notPending = pending.findIndex((c) => c.pendingSince === null);
    expect(pending.slice(notPending).every((c) => c.pendingSince === null)).toBe(true);
  });
});

describe('timeline and read state', () => {
  it('merges messages, notes and log entries newest first, in stable keyset pages', async () => {
    const { conversationId } = await desk.receive(desk.address(), 'first');
    const actor = { kind: 'supervisor', userId: desk.supervisor.user.id } as const;
    await addNote(ctx.events, actor, conversationId, 'a note');
    await setConversationStatus(ctx.events, actor, conversationId, 'WAITING');
    await desk.receive(await convAddress(conversationId), 'second');
    await sendAgentMessage(ctx.events, actor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'reply' },
    });
    const whole = await desk.get(desk.member, `/api/conversations/${conversationId}/timeline?limit=100`);
    const items = (whole.json() as Page<TimelineItem>).items;
    const summary = items.map((i) => (i.type === 'log' ? `log:${i.kind}:${i.to?.value}` : `${i.type}`));
    // Newest first: reply, second (reopening log written with it), waiting log, note, first.
    expect(summary.filter((s) => s !== 'log:status:OPEN')).toEqual([
      'message',
      'message',
      'log:status:WAITING',
      'note',
      'message',
    ]);
    expect(items[0]).toMatchObject({
      type: 'message',
      direction: 'OUTBOUND',
      author: { id: desk.supervisor.user.id },
    });
    const log = items.find((i) => i.type === 'log' && i.kind === 'status' && i.to?.value === 'WAITING');
    expect(log).toMatchObject({ from: { value: 'OPEN', label: 'OPEN' }, actorKind: 'supervisor' });

    const paged: TimelineItem[] = [];
    let before: string | null = null;
    do {
      const res = await desk.get(
        desk.member,
        `/api/conversations/${conversationId}/timeline?limit=2${before ? `&before=${before}` : ''}`,
      );
      const page = res.json() as Page<TimelineItem>;
      paged.push(...page.items);
      before = page.nextCursor;
    } while (before);
    expect(paged.map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('counts unread inbound messages per agent; read, unread from a message, recently viewed', async () => {
    const from = desk.address();
    const { conversationId } = await desk.receive(from, 'one');
    const second = await desk.receive(from, 'two');
    await desk.receive(from, 'three');
    const unread = async (session: TestSession) =>
      ((await desk.get(session, `/api/conversations/${conversationId}`)).json() as Conversation).unreadCount;
    expect(await unread(desk.member)).toBe(3);

    const read = await desk.post(desk.member, `/api/conversations/${conversationId}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().unreadCount).toBe(0);
    expect(await unread(desk.member)).toBe(0);
    expect(await unread(desk.supervisor)).toBe(3);

    const marked = await desk.post(desk.member, `/api/conversations/${conversationId}/unread`, {
      messageId: second.messageId,
    });
    expect(marked.json().unreadCount).toBe(2);
    const other = await desk.receive(desk.address());
    const wrong = await desk.post(desk.member, `/api/conversations/${conversationId}/unread`, {
      messageId: other.messageId,
    });
    expect(wrong.statusCode).toBe(404);
    const first = await desk.post(desk.member, `/api/conversations/${conversationId}/unread`, {
      messageId: (await firstMessageId(conversationId)) ?? '',
    });
    expect(first.json().unreadCount).toBe(3);
    await desk.receive(from, 'four');
    expect(await unread(desk.member)).toBe(4);

    await desk.post(desk.member, `/api/conversations/${inDefault}/read`);
    await desk.post(desk.member, `/api/conversations/${inSales}/read`);
    const recent = await desk.get(desk.member, '/api/recently-viewed');
    expect(recent.statusCode).toBe(200);
    const recentIds = (recent.json() as { items: ConversationListItem[] }).items.map((c) => c.id);
    expect(recentIds.slice(0, 3)).toEqual([inSales, inDefault, conversationId]);
    // Leaving the queue hides it from Recently viewed too (visibility applies).
    await db.pool.query('delete from queue_members where queue_id = $1', [desk.sales.id]);
    const after = (await desk.get(desk.member, '/api/recently-viewed')).json() as { items: { id: string }[] };
    expect(after.items.map((c) => c.id)).not.toContain(inSales);
    await db.pool.query('insert into queue_members (queue_id, user_id) values ($1, $2)', [
      desk.sales.id,
      desk.member.user.id,
    ]);
  });
});

async function convAddress(conversationId: string): Promise<string> {
  const { rows } = await db.pool.query('select customer_address from conversations where id = $1', [
    conversationId,
  ]);
  return rows[0].customer_address;
}

async function firstMessageId(conversationId: string): Promise<string | undefined> {
  const { rows } = await db.pool.query(
    'select id from messages where conversation_id = $1 order by created_at, id limit 1',
    [conversationId],
  );
  return rows[0]?.id;
}
