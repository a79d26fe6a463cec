import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Names proxy-addr accepts in place of addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/**
 * Fastify 5.12 ignores hop counts (it trusts nothing for them, as the immediate peer cannot be
 * checked), so only true, false and addresses are accepted.
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): boolean | string[] {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false or proxy IPs/CIDRs, got: ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
}

/** Every environment variable Parley reads. README "Configuration" lists the same, with defaults. */
export const ConfigSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL, used in links and webhook URLs shown to admins. */
  PUBLIC_URL: z.url().optional(),
  /** External PostgreSQL (≥ 15). When unset, the embedded server is started. */
  DATABASE_URL: z.string().optional(),
  /** Folder for the embedded database and other local data. */
  DATA_DIR: z.string().default('./data'),
  /** Port of the embedded PostgreSQL (never 5432). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Redis for realtime pub/sub between several Parley processes. */
  REDIS_URL: z.string().optional(),
  /** Database pool size per process. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours (sliding). */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Seconds a user may have no open connection before becoming OFFLINE (D1 grace period). */
  OFFLINE_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Sign-in attempts allowed per e-mail+IP per 15 minutes (5× per e-mail across IPs); successes are not counted. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Which proxies may set X-Forwarded-For (Fastify `trustProxy`): `false` (default: the socket
   * address is the client), `true` (trust any: only behind a proxy that overwrites the header), or
   * comma-separated proxy IPs/CIDRs. Trusting a client's header would let it pick its own IP.
   */
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  /** Serve cookies with the Secure flag (set true behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Load the demo data at start-up when the database has no users yet. */
  SEED_DEMO: bool.default(false),
  /**
   * Serve the built-in Infobip sandbox (channels/sandbox) that demo connections send to; unset, it
   * follows SEED_DEMO. Never needed with a real provider.
   */
  SANDBOX_PROVIDER: bool.optional(),
  /** Seconds to wait for HTTP, WebSockets and jobs to drain on shutdown. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** Run job workers in this process. */
  JOBS_ENABLED: bool.default(true),
  /** Largest attachment (upload or inbound media) Parley stores, in megabytes. */
  ATTACHMENT_MAX_MB: z.coerce.number().min(0.01).max(1024).default(25),
  /** Port of the built-in SMTP listener receiving e-mail (docs/email.md); unset: no listener. */
  SMTP_LISTENER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface the SMTP listener binds to; HOST when unset. */
  SMTP_LISTENER_HOST: z.string().optional(),
  /** Largest e-mail the listener accepts, in megabytes (announced with SIZE). */
  SMTP_MAX_MESSAGE_MB: z.coerce.number().min(1).max(100).default(25),
  /** Connections the SMTP listener keeps open at once; one remote address gets a fifth of them. */
  SMTP_MAX_CLIENTS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** With SMTP_LISTENER_PASSWORD: clients must log in (AUTH) before sending; off by default. */
  SMTP_LISTENER_USER: z.string().min(1).optional(),
  SMTP_LISTENER_PASSWORD: z.string().min(12).optional(),
  /** PEM files of a key and certificate: the listener offers STARTTLS. */
  SMTP_LISTENER_TLS_KEY_FILE: z.string().optional(),
  SMTP_LISTENER_TLS_CERT_FILE: z.string().optional(),
});
export type Config = Omit<z.infer<typeof ConfigSchema>, 'SANDBOX_PROVIDER'> & {
  dataDir: string;
  SANDBOX_PROVIDER: boolean;
};

/** Settings that only work in pairs: one without the other is a mistake, not a choice. */
function unpaired(env: z.infer<typeof ConfigSchema>): Array<{ path: string[]; message: string }> {
  const pairs = [
    ['SMTP_LISTENER_USER', 'SMTP_LISTENER_PASSWORD'],
    ['SMTP_LISTENER_TLS_KEY_FILE', 'SMTP_LISTENER_TLS_CERT_FILE'],
  ] as const;
  return pairs.flatMap(([a, b]) => {
    if ((env[a] === undefined) === (env[b] === undefined)) return [];
    const [missing, other] = env[a] === undefined ? [a, b] : [b, a];
    return [{ path: [missing], message: `required together with ${other}` }];
  });
}

/** Parses the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success || unpaired(parsed.data).length > 0) {
    const issues = parsed.success ? unpaired(parsed.data) : parsed.error.issues;
    const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    SANDBOX_PROVIDER: parsed.data.SANDBOX_PROVIDER ?? parsed.data.SEED_DEMO,
    dataDir: path.resolve(parsed.data.DATA_DIR),
  };
}
