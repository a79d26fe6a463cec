import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { isSameSecret } from '../webhook-secret.ts';

/** Where and how the built-in SMTP listener accepts mail (README, SMTP_LISTENER_* variables). */
export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Largest message accepted (announced with SIZE; bigger ones are refused with 552). */
  maxBytes: number;
  /** Connections open at once (SMTP_MAX_CLIENTS); more are refused with 421. */
  maxClients: number;
  /** Connections open at once from one remote address; more are refused with 421. */
  maxClientsPerAddress: number;
  /** When set, clients must log in (AUTH PLAIN/LOGIN) with these before sending. */
  auth?: { user: string; password: string };
  /** PEM key and certificate: STARTTLS is offered (and required before AUTH). */
  tls?: { key: Buffer; cert: Buffer };
}

/** One received message, handed over once it was read completely. */
export interface ReceivedMail {
  raw: Buffer;
  /** The connection of the first accepted recipient: one mail is one customer message. */
  connectionId: string;
  mailFrom: string | undefined;
  rcptTo: string[];
  remoteAddress: string;
}

export interface SmtpListenerDeps {
  /** The enabled e-mail connection receiving mail for `address` (lower-case), if any. */
  findRecipient(address: string): Promise<{ id: string } | undefined>;
  /** Makes the mail durable (or recognises a duplicate); only then is the DATA command answered 250. */
  accept(mail: ReceivedMail): Promise<'stored' | 'duplicate'>;
  logger: Logger;
}

export interface SmtpListener {
  /** Starts listening; resolves with the bound port (useful with port 0). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Recipients one transaction may name (RFC 5321 asks servers to take at least 100). */
const MAX_RECIPIENTS = 100;

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the whole DATA stream; past the size limit it keeps draining but stops buffering. */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded ? undefined : Buffer.concat(chunks)));
  });
}

/**
 * Parley's own SMTP server: accepts mail for the addresses of enabled e-mail connections only
 * (any other recipient: 550), stores each message before answering the DATA command (a failure
 * to store answers 451 so the sending server tries again later: nothing is lost) and refuses
 * messages over the size limit with 552.
 */
export function createSmtpListener(options: SmtpListenerOptions, deps: SmtpListenerDeps): SmtpListener {
  const { logger } = deps;
  const recipientIds = new WeakMap<SMTPServerSession, Map<string, string>>();
  /** Admitted connections per remote address (one sender cannot take every slot). */
  const openPerAddress = new Map<string, number>();
  const admitted = new Set<string>();

  const server = new SMTPServer({
    name: 'parley',
    banner: 'Parley',
    size: options.maxBytes,
    maxClients: options.maxClients,
    maxRecipients: MAX_RECIPIENTS,
    authOptional: options.auth === undefined,
    // Without TLS, a configured login still works (a private network) but travels in clear text.
    allowInsecureAuth: options.tls === undefined,
    disabledCommands: [...(options.auth ? [] : ['AUTH']), ...(options.tls ? [] : ['STARTTLS'])],
    ...(options.tls && { key: options.tls.key, cert: options.tls.cert }),
    disableReverseLookup: true,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onConnect(session, callback) {
      const open = openPerAddress.get(session.remoteAddress) ?? 0;
      if (open >= options.maxClientsPerAddress) {
        return callback(smtpError(421, '4.7.0 Too many connections from your address, try again later'));
      }
      openPerAddress.set(session.remoteAddress, open + 1);
      admitted.add(session.id);
      callback();
    },
    onClose(session) {
      if (!admitted.delete(session.id)) return;
      const open = (openPerAddress.get(session.remoteAddress) ?? 1) - 1;
      if (open > 0) openPerAddress.set(session.remoteAddress, open);
      else openPerAddress.delete(session.remoteAddress);
    },
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      const password = auth.password ?? '';
      if (expected && auth.username === expected.user && isSameSecret(password, expected.password)) {
        callback(null, { user: auth.username });
        return;
      }
      callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(address, session, callback) {
      const email = address.address.toLowerCase();
      deps.findRecipient(email).then(
        (connection) => {
          if (!connection) return callback(smtpError(550, `5.1.1 <${email}>: no such mailbox here`));
          const ids = recipientIds.get(session) ?? new Map<string, string>();
          ids.set(email, connection.id);
          recipientIds.set(session, ids);
          callback();
        },
        (err: unknown) => {
          logger.error({ err }, 'SMTP recipient lookup failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const rcptTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const ids = recipientIds.get(session);
      // A new transaction on the same connection starts with a fresh recipient list.
      recipientIds.delete(session);
      readMessage(stream)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, '5.3.4 Message exceeds fixed maximum message size'));
          const connectionId = rcptTo.map((r) => ids?.get(r)).find((id) => id !== undefined);
          if (!connectionId) return callback(smtpError(554, '5.5.1 No valid recipients'));
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
          const outcome = await deps.accept({
            raw,
            connectionId,
            mailFrom: mailFrom || undefined,
            rcptTo,
            remoteAddress: session.remoteAddress,
          });
          callback(null, outcome === 'duplicate' ? 'Duplicate message ignored' : 'Message accepted');
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'SMTP message could not be stored');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
  });
  server.on('error', (err) => logger.warn({ err }, 'SMTP listener connection error'));

  return {
    start() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve((server.server.address() as AddressInfo).port);
        });
      });
    },
    stop() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
