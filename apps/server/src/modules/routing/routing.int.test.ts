import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRoutingDesk, type RoutingDesk } from '../assignment/test-support.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { createTag } from '../tags/tags.service.ts';
import { type RuleInput, replaceRoutingRules } from './routing.service.ts';

let desk: RoutingDesk;
let defaultQueueId: string;
beforeAll(async () => {
  desk = await createRoutingDesk();
  defaultQueueId = (await ensureDefaultQueue(desk.db.orm)).id;
});
afterAll(() => desk.app.close());
beforeEach(() => replaceRoutingRules(desk.ctx.events, []));

const rule = (
  name: string,
  queueId: string,
  expression: Record<string, unknown>,
  extra: Partial<RuleInput> = {},
): RuleInput => ({
  name,
  queueId,
  expression,
  enabled: true,
  priority: 'NORMAL',
  tagIds: [],
  botId: null,
  routeOnlyDuringWorkingHours: false,
  ...extra,
});

describe('routing new conversations (D4)', () => {
  it('applies the first enabled matching rule: queue, priority and tags', async () => {
    const [billing, sales, other] = [await desk.queue([]), await desk.queue([]), await desk.queue([])];
    const tag = await createTag(desk.ctx.events, { name: 'invoice', kind: 'conversation' });
    await replaceRoutingRules(desk.ctx.events, [
      rule('disabled', other, { $contains: { 'message.text': 'invoice' } }, { enabled: false }),
      rule(
        'billing',
        billing,
        { $contains: { 'message.text': ['invoice', 'refund'] } },
        { priority: 'HIGH', tagIds: [tag.id] },
      ),
      rule('sms', sales, { $eq: { 'message.channel': 'SMS' } }),
    ]);
    const conv = await desk.message('My INVOICE is wrong');
    expect(conv).toMatchObject({ queueId: billing, priority: 'HIGH', assigneeUserId: null });
    const { rows } = await desk.db.pool.query(
      'select tag_id from conversation_tags where conversation_id = $1',
      [conv.id],
    );
    expect(rows).toEqual([{ tag_id: tag.id }]);
    expect((await desk.message('Hello there')).queueId).toBe(sales);
  });

  it('falls back to the Default queue when no rule matches', async () => {
    const billing = await desk.queue([]);
    await replaceRoutingRules(desk.ctx.events, [
      rule('billing', billing, { $contains: { 'message.text': 'refund' } }),
    ]);
    expect(await desk.message('Just saying hi')).toMatchObject({
      queueId: defaultQueueId,
      priority: 'NORMAL',
    });
  });

  it('routes during working hours only when the rule asks', async () => {
    const always = {
      timeZone: 'UTC',
      weekly: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({
        day,
        from: '00:00',
        to: '24:00',
      })),
      holidays: [],
    };
    const never = { timeZone: 'UTC', weekly: [], holidays: [] };
    const closed = await desk.queue([], { workingHours: never as never });
    const open = await desk.queue([], { workingHours: always as never });
    const night = await desk.queue([]);
    await replaceRoutingRules(desk.ctx.events, [
      rule(
        'closed desk',
        closed,
        { $eq: { 'message.channel': 'SMS' } },
        { routeOnlyDuringWorkingHours: true },
      ),
      rule('after hours', night, { $not: { $withinWorkingHours: open } }),
      rule('open desk', open, { $withinWorkingHours: open }),
    ]);
    expect((await desk.message('Anyone there?')).queueId).toBe(open);
  });

  it('routes a conversation once even when its creation event is delivered again', async () => {
    const first = await desk.queue([]);
    await replaceRoutingRules(desk.ctx.events, [rule('all', first, { $eq: { 'message.channel': 'SMS' } })]);
    const conv = await desk.message('Hi');
    const second = await desk.queue([]);
    await replaceRoutingRules(desk.ctx.events, [rule('all', second, { $eq: { 'message.channel': 'SMS' } })]);
    const { routeConversation } = await import('./routing.service.ts');
    expect(await routeConversation(desk.ctx.events, conv.id, 'created')).toBeNull();
    expect((await desk.conversation(conv.id)).queueId).toBe(first);
  });
});
