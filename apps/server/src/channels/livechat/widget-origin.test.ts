import { describe, expect, it } from 'vitest';
import { decideOrigin } from './widget-origin.ts';

describe('decideOrigin', () => {
  const list = ['https://shop.example.com', 'http://localhost:8080'];

  it('admits exactly the listed origins and echoes them', () => {
    expect(decideOrigin(list, 'https://shop.example.com')).toEqual({
      allowed: true,
      allowOrigin: 'https://shop.example.com',
    });
    expect(decideOrigin(list, 'http://localhost:8080').allowed).toBe(true);
  });

  it('refuses near misses: other scheme, port, subdomain, suffix, "null"', () => {
    for (const origin of [
      'http://shop.example.com',
      'https://shop.example.com:8443',
      'https://evil.shop.example.com',
      'https://shop.example.com.evil.io',
      'http://localhost:8081',
      'null',
    ]) {
      expect(decideOrigin(list, origin), origin).toEqual({ allowed: false });
    }
  });

  it('refuses every origin when the list is empty, admits every one with "*"', () => {
    expect(decideOrigin([], 'https://shop.example.com').allowed).toBe(false);
    expect(decideOrigin(['*'], 'https://anything.example')).toEqual({ allowed: true, allowOrigin: '*' });
  });

  it('lets requests without an Origin header through without an Allow-Origin header', () => {
    expect(decideOrigin([], undefined)).toEqual({ allowed: true, allowOrigin: null });
  });
});
