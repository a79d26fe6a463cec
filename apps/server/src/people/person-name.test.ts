import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinName, splitName } from './person-name.ts';

describe('People API names', () => {
  it('reads the last word as the last name', () => {
    expect(splitName('Mary Ann Smith')).toEqual({ firstName: 'Mary Ann', lastName: 'Smith' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher' });
    expect(splitName(null)).toEqual({});
    expect(joinName({ firstName: ' Jane ', middleName: null, lastName: 'Smith' })).toBe('Jane Smith');
    expect(joinName({ firstName: '', lastName: '  ' })).toBeNull();
  });

  it('round-trips a first name of any words with a one-word last name', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ž']{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), word, (first, last) => {
        const parts = { firstName: first.join(' '), lastName: last };
        expect(splitName(joinName(parts))).toEqual(parts);
      }),
    );
  });
});
