import { parseRoutingExpression } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import {
  containsKeyword,
  type DecisionRule,
  decideRoute,
  evaluateCondition,
  type RoutingFacts,
} from './routing.evaluate.ts';

const QUEUE = '448bf76d-0047-49a3-93a4-ea8722d6aeaa';
const OTHER = '448bf76d-0047-49a3-93a4-ea8722d7aeab';

const facts: RoutingFacts = {
  channel: 'WHATSAPP',
  from: '385911234567',
  to: '447860099299',
  text: 'Hello, my INVOICE is wrong!',
  customer: { name: 'Ana Horvat', country: 'Croatia', orders: 12, vip: true, since: '2021-05-01' },
  tags: [{ id: '11111111-1111-4111-8111-111111111111', name: 'vip' }],
};

function holds(expression: unknown, open: readonly string[] = []): boolean {
  const parsed = parseRoutingExpression(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateCondition(parsed.condition, facts, (q) => open.includes(q));
}

describe('the routing grammar', () => {
  it('accepts the reference examples', () => {
    for (const e of [
      { $or: [{ $eq: { 'message.channel': 'WHATSAPP' } }, { $eq: { 'message.channel': 'LIVE_CHAT' } }] },
      { $and: [{ $eq: { 'message.channel': 'TELEGRAM' } }, { $eq: { 'customer.country': 'Croatia' } }] },
      { $eq: { 'message.channel': 'VIBER' } },
    ]) {
      expect(parseRoutingExpression(e).ok).toBe(true);
    }
  });

  it.each([
    [{}, '$'],
    [{ $eq: { 'message.nope': 1 } }, '$.$eq.message.nope'],
    [{ $foo: {} }, '$.$foo'],
    [{ $and: [] }, '$.$and'],
    [{ $in: { 'message.channel': 'SMS' } }, '$.$in.message.channel'],
    [{ $eq: { 'message.channel': { x: 1 } } }, '$.$eq.message.channel'],
    [{ $contains: { 'message.text': [] } }, '$.$contains.message.text'],
    [{ $withinWorkingHours: 'not-a-uuid' }, '$.$withinWorkingHours'],
    [{ $or: [{ $eq: { 'message.channel': 'SMS' } }, 3] }, '$.$or[1]'],
  ])('refuses %j at %s', (expression, path) => {
    const parsed = parseRoutingExpression(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.path).toBe(path);
  });

  it('refuses nesting deeper than the limit', () => {
    let e: unknown = { $eq: { 'message.channel': 'SMS' } };
    for (let i = 0; i < 20; i++) e = { $not: e };
    expect(parseRoutingExpression(e).ok).toBe(false);
  });
});

describe('evaluating conditions', () => {
  it('compares strings ignoring case, numbers numerically, ISO dates in order', () => {
    expect(holds({ $eq: { 'customer.country': 'croatia' } })).toBe(true);
    expect(holds({ $neq: { 'message.channel': 'SMS' } })).toBe(true);
    expect(holds({ $gt: { 'customer.orders': 10 } })).toBe(true);
    expect(holds({ $lte: { 'customer.orders': 11 } })).toBe(false);
    expect(holds({ $gte: { 'customer.since': '2021-01-01' } })).toBe(true);
    expect(holds({ $lt: { 'customer.country': 5 } })).toBe(false);
    expect(holds({ $eq: { 'customer.vip': true } })).toBe(true);
  });

  it('treats a missing value as equal to nothing', () => {
    expect(holds({ $eq: { 'customer.tier': 'gold' } })).toBe(false);
    expect(holds({ $neq: { 'customer.tier': 'gold' } })).toBe(true);
    expect(holds({ $nin: { 'customer.tier': ['gold'] } })).toBe(true);
    expect(holds({ $gt: { 'customer.tier': 0 } })).toBe(false);
  });

  it('matches sets, tags by id or name, and keywords as whole words', () => {
    expect(holds({ $in: { 'message.channel': ['SMS', 'WhatsApp'] } })).toBe(true);
    expect(holds({ $nin: { 'message.channel': ['SMS'] } })).toBe(true);
    expect(holds({ $in: { 'conversation.tags': ['VIP'] } })).toBe(true);
    expect(holds({ $contains: { 'message.text': ['refund', 'invoice'] } })).toBe(true);
    expect(holds({ $contains: { 'message.text': 'voice' } })).toBe(false);
    expect(holds({ $contains: { 'message.text': 'is wrong' } })).toBe(true);
  });

  it('combines with $and, $or, $not and several operators in one object', () => {
    expect(holds({ $eq: { 'message.channel': 'WHATSAPP' }, $contains: { 'message.text': 'invoice' } })).toBe(
      true,
    );
    expect(holds({ $eq: { 'message.channel': 'WHATSAPP', 'customer.country': 'Italy' } })).toBe(false);
    expect(holds({ $not: { $eq: { 'message.channel': 'SMS' } } })).toBe(true);
    expect(holds({ $or: [{ $eq: { 'message.channel': 'SMS' } }, { $gt: { 'customer.orders': 3 } }] })).toBe(
      true,
    );
  });

  it('asks the queue for working hours', () => {
    expect(holds({ $withinWorkingHours: QUEUE }, [QUEUE])).toBe(true);
    expect(holds({ $withinWorkingHours: { queueId: QUEUE } }, [OTHER])).toBe(false);
  });

  it('finds keywords ignoring case and punctuation', () => {
    expect(containsKeyword('REFUND!!', 'refund')).toBe(true);
    expect(containsKeyword('refunds', 'refund')).toBe(false);
    expect(containsKeyword('Čestitke za račun', 'RAČUN')).toBe(true);
  });
});

function rule(name: string, expression: unknown, extra: Partial<DecisionRule> = {}): DecisionRule {
  return {
    id: null,
    name,
    enabled: true,
    expression,
    queueId: QUEUE,
    priority: 'NORMAL',
    tagIds: [],
    botId: null,
    routeOnlyDuringWorkingHours: false,
    ...extra,
  };
}

describe('deciding a route', () => {
  const whatsapp = { $eq: { 'message.channel': 'WHATSAPP' } };
  it('takes the first enabled match and reports every rule', () => {
    const out = decideRoute(
      [
        rule('off', whatsapp, { enabled: false }),
        rule('sms', { $eq: { 'message.channel': 'SMS' } }),
        rule('closed', whatsapp, { routeOnlyDuringWorkingHours: true }),
        rule('first', whatsapp, { queueId: OTHER }),
        rule('second', whatsapp),
      ],
      facts,
      () => false,
    );
    expect(out.matched?.name).toBe('first');
    expect(out.matchedOrder).toBe(4);
    expect(out.evaluations.map((e) => e.outcome)).toEqual([
      'DISABLED',
      'NOT_MATCHED',
      'OUTSIDE_WORKING_HOURS',
      'MATCHED',
      'NOT_TRIED',
    ]);
  });

  it('matches nothing without rules', () => {
    expect(decideRoute([], facts, () => true)).toEqual({
      matched: null,
      matchedOrder: null,
      evaluations: [],
    });
  });

  it('never matches a stored expression that does not parse', () => {
    expect(decideRoute([rule('broken', { $bogus: 1 })], facts, () => true).matched).toBeNull();
  });
});
