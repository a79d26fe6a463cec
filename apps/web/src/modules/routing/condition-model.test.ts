import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConditionModel,
  type ConditionRow,
  emptyModel,
  expressionToModel,
  modelToExpression,
  operatorsFor,
  WORKING_HOURS_FIELD,
} from './condition-model.ts';

const QUEUE = '6f1c9a52-2d5e-4b8e-9a43-3d3c1f0e7a11';

describe('condition model → expression', () => {
  it('writes a single row as a bare operator', () => {
    const model: ConditionModel = {
      combinator: 'and',
      groups: [
        { combinator: 'and', rows: [{ field: 'message.text', op: 'contains', values: ['invoice', ' '] }] },
      ],
    };
    expect(modelToExpression(model)).toEqual({ $contains: { 'message.text': ['invoice'] } });
  });

  it('combines rows with the group operator and groups with the top one', () => {
    const model: ConditionModel = {
      combinator: 'or',
      groups: [
        {
          combinator: 'and',
          rows: [
            { field: 'message.channel', op: 'in', values: ['WHATSAPP', 'SMS'] },
            { field: 'customer.tier', op: 'gte', values: ['3'] },
          ],
        },
        { combinator: 'and', rows: [{ field: WORKING_HOURS_FIELD, op: 'outside', values: [QUEUE] }] },
      ],
    };
    expect(modelToExpression(model)).toEqual({
      $or: [
        { $and: [{ $in: { 'message.channel': ['WHATSAPP', 'SMS'] } }, { $gte: { 'customer.tier': '3' } }] },
        { $not: { $withinWorkingHours: { queueId: QUEUE } } },
      ],
    });
  });

  it('refuses incomplete rows', () => {
    expect(modelToExpression(emptyModel())).toBeNull();
    expect(
      modelToExpression({
        combinator: 'and',
        groups: [{ combinator: 'and', rows: [{ field: 'message.from', op: 'eq', values: ['a', 'b'] }] }],
      }),
    ).toBeNull();
  });
});

describe('typed values', () => {
  it('writes yes/no attributes as booleans and number attributes as numbers', () => {
    const kindOf = (field: string) =>
      field === 'customer.vip' ? 'boolean' : field === 'customer.tier' ? 'number' : ('text' as const);
    const model: ConditionModel = {
      combinator: 'and',
      groups: [
        {
          combinator: 'and',
          rows: [
            { field: 'customer.vip', op: 'eq', values: ['true'] },
            { field: 'customer.tier', op: 'in', values: ['1', '2'] },
            { field: 'customer.city', op: 'eq', values: ['10'] },
          ],
        },
      ],
    };
    expect(modelToExpression(model, kindOf)).toEqual({
      $and: [
        { $eq: { 'customer.vip': true } },
        { $in: { 'customer.tier': [1, 2] } },
        { $eq: { 'customer.city': '10' } },
      ],
    });
    expect(expressionToModel(modelToExpression(model, kindOf))).toEqual(model);
  });
});

describe('expression → condition model', () => {
  it('reads the reference format back into groups', () => {
    expect(expressionToModel({ $eq: { 'message.to': '385991234567' } })).toEqual({
      combinator: 'and',
      groups: [{ combinator: 'and', rows: [{ field: 'message.to', op: 'eq', values: ['385991234567'] }] }],
    });
    expect(expressionToModel({ $withinWorkingHours: QUEUE })?.groups[0]?.rows[0]).toEqual({
      field: WORKING_HOURS_FIELD,
      op: 'within',
      values: [QUEUE],
    });
  });

  it('gives up on shapes the builder cannot show, and on invalid expressions', () => {
    expect(expressionToModel({ $not: { $eq: { 'message.text': 'x' } } })).toBeNull();
    expect(expressionToModel({ $and: [{ $or: [{ $and: [{ $eq: { 'message.text': 'a' } }] }] }] })).toBeNull();
    expect(expressionToModel({ $eq: { 'nope.field': 1 } })).toBeNull();
  });

  const value = fc.stringMatching(/^[a-z0-9]{1,8}$/);
  const row: fc.Arbitrary<ConditionRow> = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('message.text', 'message.from', 'customer.city', 'conversation.tags'),
        value,
        value,
      )
      .chain(([field, a, b]) =>
        fc.constantFrom(...operatorsFor(field)).map((op): ConditionRow => {
          const multi = op === 'in' || op === 'nin' || op === 'contains';
          return { field, op, values: multi ? [a, b] : [a] };
        }),
      ),
    fc.constantFrom<ConditionRow['op']>('within', 'outside').map((op) => ({
      field: WORKING_HOURS_FIELD,
      op,
      values: [QUEUE],
    })),
  );
  const combinator = fc.constantFrom<'and' | 'or'>('and', 'or');
  const model: fc.Arbitrary<ConditionModel> = fc.record({
    combinator,
    groups: fc.array(fc.record({ combinator, rows: fc.array(row, { minLength: 1, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  });

  it('round-trips: the expression of the read-back model is the same expression', () => {
    fc.assert(
      fc.property(model, (m) => {
        const expression = modelToExpression(m);
        const back = expressionToModel(expression);
        expect(back).not.toBeNull();
        expect(modelToExpression(back as ConditionModel)).toEqual(expression);
      }),
    );
  });
});
