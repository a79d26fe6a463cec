import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike } from './like.ts';

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character, nothing else', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike('plain text')).toBe('plain text');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});
