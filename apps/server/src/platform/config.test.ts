import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  const trust = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

  it('trusts no proxy by default, so X-Forwarded-For cannot choose the client address', () => {
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
  });

  it('accepts proxy addresses, CIDRs and proxy-addr range names', () => {
    expect(trust('10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses hop counts (Fastify ignores them) and anything that is not an address', () => {
    expect(() => trust('2')).toThrow(/TRUST_PROXY/);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
    expect(() => trust('proxy.example.com')).toThrow(/TRUST_PROXY/);
  });
});

describe('SANDBOX_PROVIDER', () => {
  it('follows SEED_DEMO unless set, so the demo can reply out of the box', () => {
    expect(loadConfig({}).SANDBOX_PROVIDER).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'true' }).SANDBOX_PROVIDER).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'true', SANDBOX_PROVIDER: 'false' }).SANDBOX_PROVIDER).toBe(false);
    expect(loadConfig({ SANDBOX_PROVIDER: 'yes' }).SANDBOX_PROVIDER).toBe(true);
    expect(() => loadConfig({ SANDBOX_PROVIDER: 'maybe' })).toThrow(/SANDBOX_PROVIDER/);
  });
});

describe('SMTP listener settings', () => {
  it('runs no listener unless a port is set, and binds to HOST by default', () => {
    expect(loadConfig({}).SMTP_LISTENER_PORT).toBeUndefined();
    expect(loadConfig({ SMTP_LISTENER_PORT: '2525' }).SMTP_LISTENER_PORT).toBe(2525);
    expect(loadConfig({}).SMTP_MAX_MESSAGE_MB).toBe(25);
  });

  it('refuses a login or TLS file without its partner', () => {
    expect(() => loadConfig({ SMTP_LISTENER_USER: 'mta' })).toThrow(
      /SMTP_LISTENER_PASSWORD: required together with SMTP_LISTENER_USER/,
    );
    expect(() => loadConfig({ SMTP_LISTENER_TLS_CERT_FILE: '/c.pem' })).toThrow(/SMTP_LISTENER_TLS_KEY_FILE/);
    expect(
      loadConfig({ SMTP_LISTENER_USER: 'mta', SMTP_LISTENER_PASSWORD: 'a-long-password' }).SMTP_LISTENER_USER,
    ).toBe('mta');
  });
});
