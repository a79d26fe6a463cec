import { describe, expect, it } from 'vitest';
import { isSandboxBaseUrl, sandboxBaseUrl } from './sandbox-address.ts';

describe('sandbox address', () => {
  it('reaches this process on loopback when it listens on every interface', () => {
    expect(sandboxBaseUrl({ HOST: '0.0.0.0', PORT: 3000 })).toBe('http://127.0.0.1:3000/sandbox/infobip');
    expect(sandboxBaseUrl({ HOST: '::', PORT: 3000 })).toBe('http://127.0.0.1:3000/sandbox/infobip');
    expect(sandboxBaseUrl({ HOST: 'localhost', PORT: 8080 })).toBe('http://127.0.0.1:8080/sandbox/infobip');
  });

  it('uses the one interface HOST names, IPv6 in brackets', () => {
    expect(sandboxBaseUrl({ HOST: '10.1.2.3', PORT: 3000 })).toBe('http://10.1.2.3:3000/sandbox/infobip');
    expect(sandboxBaseUrl({ HOST: '::1', PORT: 3000 })).toBe('http://[::1]:3000/sandbox/infobip');
  });

  it('tells sandbox connections from real providers by the base URL path', () => {
    expect(isSandboxBaseUrl('http://127.0.0.1:3000/sandbox/infobip')).toBe(true);
    expect(isSandboxBaseUrl('https://desk.example.com/sandbox/infobip/')).toBe(true);
    expect(isSandboxBaseUrl('https://xyz.api.infobip.com')).toBe(false);
    expect(isSandboxBaseUrl('https://xyz.api.infobip.com/sandbox/infobip/extra')).toBe(false);
    expect(isSandboxBaseUrl('not a url')).toBe(false);
  });
});
