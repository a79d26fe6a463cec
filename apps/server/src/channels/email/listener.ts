import { readFileSync } from 'node:fs';
import type { Config } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { findEmailConnectionByAddress, pruneRawMails } from './email.repo.ts';
import { acceptMail, type EmailEventPayload } from './receive.ts';
import { createSmtpListener, type SmtpListener, type SmtpListenerOptions } from './smtp-listener.ts';

/** Connections are looked up for every recipient; a short cache spares the database (like webhooks). */
const RECIPIENT_CACHE_MS = 5000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** The listener's options from the SMTP_LISTENER_* variables; undefined when no port is set. */
export function listenerOptions(config: Config): SmtpListenerOptions | undefined {
  if (config.SMTP_LISTENER_PORT === undefined) return undefined;
  const { SMTP_LISTENER_USER: user, SMTP_LISTENER_PASSWORD: password } = config;
  const { SMTP_LISTENER_TLS_KEY_FILE: keyFile, SMTP_LISTENER_TLS_CERT_FILE: certFile } = config;
  return {
    port: config.SMTP_LISTENER_PORT,
    host: config.SMTP_LISTENER_HOST ?? config.HOST,
    maxBytes: Math.round(config.SMTP_MAX_MESSAGE_MB * 1024 * 1024),
    maxClients: config.SMTP_MAX_CLIENTS,
    maxClientsPerAddress: Math.max(1, Math.ceil(config.SMTP_MAX_CLIENTS / 5)),
    ...(user && password && { auth: { user, password } }),
    ...(keyFile && certFile && { tls: { key: readFileSync(keyFile), cert: readFileSync(certFile) } }),
  };
}

function recipientCache(ctx: AppContext) {
  const cache = new Map<string, { row: { id: string } | undefined; at: number }>();
  return async (address: string) => {
    const hit = cache.get(address);
    if (hit && Date.now() - hit.at < RECIPIENT_CACHE_MS) return hit.row;
    const row = await findEmailConnectionByAddress(ctx.db, address);
    // Only connected addresses are cached, so mail to made-up addresses cannot grow the map.
    if (row) cache.set(address, { row, at: Date.now() });
    else cache.delete(address);
    return row;
  };
}

/**
 * The SMTP listener of this process with the inbound pipeline behind it: each accepted mail is
 * stored (raw bytes, then its inbound event through `storeEvent`) before the 250. Also prunes raw
 * mails hourly. Undefined when SMTP_LISTENER_PORT is not set.
 */
export function createEmailListener(
  ctx: AppContext,
  storeEvent: (connectionId: string, payload: EmailEventPayload) => Promise<unknown>,
): { start(): Promise<number>; stop(): Promise<void> } | undefined {
  const options = listenerOptions(ctx.config);
  if (!options) return undefined;
  const listener: SmtpListener = createSmtpListener(options, {
    findRecipient: recipientCache(ctx),
    accept: (mail) => acceptMail(ctx.db, mail, storeEvent),
    logger: ctx.logger,
  });
  let pruner: NodeJS.Timeout | undefined;
  return {
    async start() {
      const port = await listener.start();
      ctx.logger.info({ port, host: options.host }, 'SMTP listener started');
      pruner = setInterval(() => {
        pruneRawMails(ctx.db).catch((err: unknown) => ctx.logger.warn({ err }, 'pruning raw mails failed'));
      }, PRUNE_EVERY_MS);
      pruner.unref();
      return port;
    },
    async stop() {
      if (pruner) clearInterval(pruner);
      await listener.stop();
    },
  };
}
