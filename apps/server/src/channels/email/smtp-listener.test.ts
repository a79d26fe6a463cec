import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpListener, type ReceivedMail, type SmtpListenerOptions } from './smtp-listener.ts';

const logger = pino({ level: 'silent' });
const CONNECTION = { id: 'c0000000-0000-4000-8000-000000000001' };
let stop: (() => Promise<void>) | undefined;

afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function listen(
  options: Partial<SmtpListenerOptions> = {},
  accept?: (mail: ReceivedMail) => Promise<'stored' | 'duplicate'>,
) {
  const received: ReceivedMail[] = [];
  const listener = createSmtpListener(
    { port: 0, host: '127.0.0.1', maxBytes: 64 * 1024, maxClients: 50, maxClientsPerAddress: 10, ...options },
    {
      findRecipient: async (address) => (address === 'support@acme.test' ? CONNECTION : undefined),
      accept:
        accept ??
        (async (mail) => {
          received.push(mail);
          return 'stored';
        }),
      logger,
    },
  );
  const port = await listener.start();
  stop = () => listener.stop();
  return { port, received };
}

function send(
  port: number,
  mail: { to: string | string[]; text?: string },
  auth?: { user: string; pass: string },
) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    ...(auth && { auth }),
  });
  return transport.sendMail({
    from: 'ana@customer.test',
    subject: 'Hi',
    text: mail.text ?? 'Hello',
    to: mail.to,
  });
}

describe('SMTP listener', () => {
  it('accepts mail for a connected address (any case) and hands over the bytes and envelope', async () => {
    const { port, received } = await listen();
    const info = await send(port, { to: 'Support@Acme.TEST' });
    expect(info.response).toMatch(/^250 /);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      connectionId: CONNECTION.id,
      mailFrom: 'ana@customer.test',
      rcptTo: ['support@acme.test'],
    });
    expect(received[0]?.raw.toString()).toContain('Hello');
  });

  it('refuses unknown recipients with 550 and keeps the known ones of the same mail', async () => {
    const { port, received } = await listen();
    await expect(send(port, { to: 'nobody@acme.test' })).rejects.toMatchObject({ responseCode: 550 });
    const info = await send(port, { to: ['nobody@acme.test', 'support@acme.test'] });
    expect(info.rejected).toEqual(['nobody@acme.test']);
    expect(info.accepted).toEqual(['support@acme.test']);
    expect(received).toHaveLength(1);
  });

  it('refuses a mail over the size limit with 552', async () => {
    const { port, received } = await listen({ maxBytes: 2000 });
    await expect(send(port, { to: 'support@acme.test', text: 'x'.repeat(5000) })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(received).toHaveLength(0);
  });

  it('answers 451 when the mail cannot be stored, so the sender tries again', async () => {
    const { port } = await listen({}, async () => {
      throw new Error('database down');
    });
    await expect(send(port, { to: 'support@acme.test' })).rejects.toMatchObject({ responseCode: 451 });
  });

  it('acknowledges a duplicate without storing it again', async () => {
    const { port } = await listen({}, async () => 'duplicate');
    const info = await send(port, { to: 'support@acme.test' });
    expect(info.response).toMatch(/^250 .*Duplicate/);
  });

  it('requires the configured login when AUTH is on', async () => {
    const auth = { user: 'mta', password: 'a-long-listener-password' };
    const { port, received } = await listen({ auth });
    await expect(send(port, { to: 'support@acme.test' })).rejects.toMatchObject({ responseCode: 530 });
    await expect(
      send(port, { to: 'support@acme.test' }, { user: 'mta', pass: 'wrong' }),
    ).rejects.toMatchObject({
      responseCode: 535,
    });
    await send(port, { to: 'support@acme.test' }, { user: auth.user, pass: auth.password });
    expect(received).toHaveLength(1);
  });

  it('refuses connections over the per-address cap with 421 and admits again once one closes', async () => {
    const { port } = await listen({ maxClientsPerAddress: 2 });
    const greeting = () =>
      new Promise<{ line: string; close: () => void }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('data', (data) => resolve({ line: data.toString(), close: () => socket.destroy() }));
        socket.once('error', reject);
      });
    const first = await greeting();
    const second = await greeting();
    expect(first.line).toMatch(/^220 /);
    expect(second.line).toMatch(/^220 /);
    const third = await greeting();
    expect(third.line).toMatch(/^421 /);
    third.close();
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fourth = await greeting();
    expect(fourth.line).toMatch(/^220 /);
    second.close();
    fourth.close();
  });
});
