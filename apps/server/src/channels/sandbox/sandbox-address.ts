import type { Config } from '../../platform/config.ts';

/** Where the sandbox answers: its connections' base URL ends here (+ /messages-api/1/messages). */
export const SANDBOX_BASE_PATH = '/sandbox/infobip';

// Addresses that mean "every interface": the sandbox is then reached on loopback.
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '', 'localhost', '127.0.0.1']);

/**
 * Base URL of this Parley's sandbox as its own send jobs reach it: loopback (or the one interface
 * HOST names) at PORT. Connections store it, so a later start on another PORT must update them.
 */
export function sandboxBaseUrl(config: Pick<Config, 'HOST' | 'PORT'>): string {
  const host = WILDCARD_HOSTS.has(config.HOST)
    ? '127.0.0.1'
    : config.HOST.includes(':')
      ? `[${config.HOST}]`
      : config.HOST;
  return `http://${host}:${config.PORT}${SANDBOX_BASE_PATH}`;
}

/** True for a connection configured to send to a Parley sandbox rather than to a real provider. */
export function isSandboxBaseUrl(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).pathname.replace(/\/+$/, '') === SANDBOX_BASE_PATH;
  } catch {
    return false;
  }
}
