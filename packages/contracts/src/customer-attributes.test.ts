import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttributeRule,
  attributeValueFromText,
  attributeValueToText,
  checkAttributeValue,
  isCalendarDate,
  UpdateCustomerCardRequest,
} from './customer-attributes.ts';
import { checkDestination } from './customers.ts';

const rule = (type: AttributeRule['type'], options: string[] = []): AttributeRule => ({
  name: 'A',
  type,
  options,
});

describe('attribute values', () => {
  it('accepts each type only in its own shape; null and "" clear', () => {
    expect(checkAttributeValue(rule('text'), '  hi ')).toEqual({ ok: true, value: 'hi' });
    expect(checkAttributeValue(rule('text'), 5).ok).toBe(false);
    expect(checkAttributeValue(rule('number'), 2.5)).toEqual({ ok: true, value: 2.5 });
    expect(checkAttributeValue(rule('number'), '2.5').ok).toBe(false);
    expect(checkAttributeValue(rule('number'), Number.NaN).ok).toBe(false);
    expect(checkAttributeValue(rule('date'), '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(checkAttributeValue(rule('date'), '2023-02-29').ok).toBe(false);
    expect(checkAttributeValue(rule('yes_no'), true)).toEqual({ ok: true, value: true });
    expect(checkAttributeValue(rule('yes_no'), 'yes').ok).toBe(false);
    expect(checkAttributeValue(rule('list', ['Gold']), 'gold')).toEqual({ ok: true, value: 'Gold' });
    expect(checkAttributeValue(rule('list', ['Gold']), 'Silver')).toEqual({
      ok: false,
      message: 'A: must be one of "Gold"',
    });
    for (const type of ['text', 'number', 'date', 'yes_no', 'list'] as const) {
      expect(checkAttributeValue(rule(type), null)).toEqual({ ok: true, value: null });
      expect(checkAttributeValue(rule(type), '')).toEqual({ ok: true, value: null });
    }
  });

  it('reads back the text it writes, for every type', () => {
    const cases = [
      [rule('number'), fc.double({ noNaN: true, noDefaultInfinity: true })],
      [rule('yes_no'), fc.boolean()],
      [rule('list', ['Gold', 'Silver']), fc.constantFrom('Gold', 'Silver')],
      [
        rule('date'),
        fc
          .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      ],
      [
        rule('text'),
        fc
          .string({ minLength: 1 })
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ],
    ] as const;
    for (const [r, arb] of cases) {
      fc.assert(
        fc.property(arb as fc.Arbitrary<string | number | boolean>, (v) => {
          const normalised = Object.is(v, -0) ? 0 : v;
          expect(attributeValueFromText(r, attributeValueToText(normalised))).toEqual({
            ok: true,
            value: normalised,
          });
        }),
      );
    }
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });
});

describe('destinations', () => {
  it('normalises phone numbers to digits and e-mail to lower case', () => {
    expect(checkDestination('SMS', ' +385 (91) 123-4567 ')).toEqual({ ok: true, address: '385911234567' });
    expect(checkDestination('WHATSAPP', '12').ok).toBe(false);
    expect(checkDestination('EMAIL', 'Ana@Example.COM')).toEqual({ ok: true, address: 'ana@example.com' });
    expect(checkDestination('EMAIL', 'ana@').ok).toBe(false);
    expect(checkDestination('TELEGRAM', 'a b').ok).toBe(false);
    expect(checkDestination('LIVE_CHAT', ' visitor-1 ')).toEqual({ ok: true, address: 'visitor-1' });
  });
});

describe('customer card configuration', () => {
  const field = (field: 'gender' | 'city' | 'country', section: 'basic' | 'additional') => ({
    ref: { kind: 'standard' as const, field },
    section,
    agentEditable: false,
  });
  it('allows at most five basic fields and each field once', () => {
    expect(
      UpdateCustomerCardRequest.safeParse({ fields: [field('city', 'basic'), field('gender', 'additional')] })
        .success,
    ).toBe(true);
    expect(
      UpdateCustomerCardRequest.safeParse({ fields: [field('city', 'basic'), field('city', 'additional')] })
        .success,
    ).toBe(false);
    const six = Array.from({ length: 6 }, () => ({
      ref: { kind: 'custom' as const, attributeId: crypto.randomUUID() },
      section: 'basic' as const,
      agentEditable: true,
    }));
    expect(UpdateCustomerCardRequest.safeParse({ fields: six }).success).toBe(false);
    expect(UpdateCustomerCardRequest.safeParse({ fields: six.slice(1) }).success).toBe(true);
  });
});
