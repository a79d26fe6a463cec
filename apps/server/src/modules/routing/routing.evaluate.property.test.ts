import { parseRoutingExpression } from '@parley/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecisionRule, decideRoute, evaluateCondition, type RoutingFacts } from './routing.evaluate.ts';

// Laws of the routing evaluator over random expressions and conversations.

const QUEUES = ['448bf76d-0047-49a3-93a4-ea8722d6aeaa', '448bf76d-0047-49a3-93a4-ea8722d7aeab'] as const;
const words = fc.constantFrom('refund', 'Invoice', 'hello', 'agent', 'ČAO', '42');
const channel = fc.constantFrom('SMS', 'WHATSAPP', 'VIBER');
const value = fc.oneof(words, fc.integer({ min: -5, max: 50 }), fc.boolean(), channel);
const field = fc.constantFrom(
  'message.channel',
  'message.text',
  'message.from',
  'customer.tier',
  'customer.orders',
  'conversation.tags',
);

const leaf = fc.oneof(
  fc
    .record({ op: fc.constantFrom('$eq', '$neq', '$lt', '$lte', '$gt', '$gte'), field, value })
    .map(({ op, field, value }) => ({ [op]: { [field]: value } })),
  fc
    .record({ op: fc.constantFrom('$in', '$nin'), field, values: fc.array(value, { maxLength: 3 }) })
    .map(({ op, field, values }) => ({ [op]: { [field]: values } })),
  fc
    .record({ field, keywords: fc.array(words, { minLength: 1, maxLength: 2 }) })
    .map(({ field, keywords }) => ({ $contains: { [field]: keywords } })),
  fc.constantFrom(...QUEUES).map((q) => ({ $withinWorkingHours: q })),
);

const expression = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ $and: items })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ $or: items })),
    tie('node').map((item) => ({ $not: item })),
  ),
})).node;

const facts: fc.Arbitrary<RoutingFacts> = fc.record({
  channel,
  from: fc.constantFrom('385911', '385922'),
  to: fc.constant('4478'),
  text: fc.array(words, { maxLength: 4 }).map((w) => w.join(' ')),
  customer: fc.option(
    fc.record({ name: fc.constant('Ana'), tier: words, orders: fc.integer({ min: 0, max: 40 }) }),
    { nil: null },
  ),
  tags: fc.array(fc.record({ id: fc.uuid(), name: words }), { maxLength: 2 }),
});
const openQueues = fc.subarray<string>([...QUEUES]);

function evaluate(e: unknown, f: RoutingFacts, open: readonly string[]): boolean {
  const parsed = parseRoutingExpression(e);
  if (!parsed.ok) throw new Error(`generated an invalid expression: ${parsed.message}`);
  return evaluateCondition(parsed.condition, f, (q) => open.includes(q));
}

describe('routing evaluator laws', () => {
  it('accepts every generated expression', () => {
    fc.assert(fc.property(expression, (e) => parseRoutingExpression(e).ok));
  });

  it('never throws on arbitrary JSON: it parses or names a path', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        const parsed = parseRoutingExpression(json);
        if (!parsed.ok) expect(parsed.path.startsWith('$')).toBe(true);
      }),
    );
  });

  it('$not negates, $and is every, $or is some', () => {
    fc.assert(
      fc.property(fc.array(expression, { minLength: 1, maxLength: 3 }), facts, openQueues, (es, f, open) => {
        const each = es.map((e) => evaluate(e, f, open));
        expect(evaluate({ $not: es[0] }, f, open)).toBe(!each[0]);
        expect(evaluate({ $and: es }, f, open)).toBe(each.every(Boolean));
        expect(evaluate({ $or: es }, f, open)).toBe(each.some(Boolean));
      }),
    );
  });

  it('$in and $nin are complements, as are $eq and $neq', () => {
    fc.assert(
      fc.property(field, fc.array(value, { maxLength: 3 }), value, facts, (fl, vs, v, f) => {
        expect(evaluate({ $nin: { [fl]: vs } }, f, [])).toBe(!evaluate({ $in: { [fl]: vs } }, f, []));
        expect(evaluate({ $neq: { [fl]: v } }, f, [])).toBe(!evaluate({ $eq: { [fl]: v } }, f, []));
      }),
    );
  });

  it('the first enabled rule that holds (and whose queue is open when it asks) wins', () => {
    const rules = fc.array(
      fc.record({
        expression,
        enabled: fc.boolean(),
        onlyOpen: fc.boolean(),
        queue: fc.constantFrom(...QUEUES),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(rules, facts, openQueues, (rs, f, open) => {
        const list: DecisionRule[] = rs.map((r, i) => ({
          id: null,
          name: `r${i}`,
          enabled: r.enabled,
          expression: r.expression,
          queueId: r.queue,
          priority: 'NORMAL',
          tagIds: [],
          botId: null,
          routeOnlyDuringWorkingHours: r.onlyOpen,
        }));
        const expected = list.findIndex(
          (r) =>
            r.enabled &&
            (!r.routeOnlyDuringWorkingHours || open.includes(r.queueId)) &&
            evaluate(r.expression, f, open),
        );
        const out = decideRoute(list, f, (q) => open.includes(q));
        expect(out.matchedOrder).toBe(expected === -1 ? null : expected + 1);
        expect(out.evaluations.filter((e) => e.outcome === 'MATCHED')).toHaveLength(expected === -1 ? 0 : 1);
      }),
    );
  });
});
