import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A test SMTP server standing in for the customer's mail provider: it records what Parley sends.
// Used by the integration tests and the browser journey; never part of the running product.

/** One e-mail the sink received. */
export interface SunkMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  /** Login the sink expects. */
  user: string;
  password: string;
  received: SunkMail[];
  /** Answers the next DATA commands with this SMTP error (e.g. 451 or 550) until cleared. */
  failWith(code: number | undefined): void;
  /** Resolves once `count` mails were received (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMail[]>;
  stop(): Promise<void>;
}

/** Starts a sink on a free loopback port: plain SMTP with AUTH, as a local relay would offer. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const waiters = new Set<() => void>();
  let failure: number | undefined;
  const user = 'parley';
  const password = 'sink-password-1';
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failure !== undefined) {
          callback(Object.assign(new Error(`${failure} test failure`), { responseCode: failure }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((parsed) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({
            envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
            raw,
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    user,
    password,
    received,
    failWith(code) {
      failure = code;
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: ${received.length} of ${count} mails after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
