import { describe, expect, it } from 'vitest';
import { readApiKey } from './authenticate.ts';

describe('readApiKey', () => {
  it('reads `App <key>` case-insensitively on the scheme', () => {
    expect(readApiKey('App pk_abc')).toBe('pk_abc');
    expect(readApiKey('app pk_abc')).toBe('pk_abc');
  });

  it('reads the password part of Basic credentials, colons in the key included', () => {
    expect(readApiKey(`Basic ${Buffer.from('me:pk_a:b').toString('base64')}`)).toBe('pk_a:b');
    expect(readApiKey(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
    expect(readApiKey(`Basic ${Buffer.from('user:').toString('base64')}`)).toBeUndefined();
  });

  it('ignores other schemes and malformed headers', () => {
    expect(readApiKey('Bearer token')).toBeUndefined();
    expect(readApiKey('App')).toBeUndefined();
    expect(readApiKey(undefined)).toBeUndefined();
  });
});
