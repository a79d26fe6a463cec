import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError } from '../channel-error.ts';
import { composeReply, textToHtml } from './compose-reply.ts';
import { sendEmail, toChannelError } from './smtp-client.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const base = {
  messageId: '0b7c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10',
  from: 'support@acme.test',
  displayName: 'Acme Support',
  to: 'ana@customer.test',
  topic: 'Order 42 is late',
  text: 'Hello Ana,\n\nit ships today: https://track.example/42.\nBest',
  automatic: false,
  files: [],
};

describe('SMTP failures', () => {
  it('retries 4xx answers and failures before sending, fails on 5xx and on no answer after sending', () => {
    const cases: Array<[object, string, boolean]> = [
      [{ responseCode: 451, response: '451 4.3.0 try later' }, 'rate_limited', true],
      [{ responseCode: 421, response: '421 too many connections' }, 'rate_limited', true],
      [{ responseCode: 454, response: '454 4.7.0 TLS not available' }, 'provider_unavailable', true],
      [{ responseCode: 550, response: '550 5.1.1 no such user' }, 'rejected', false],
      [{ responseCode: 552, response: '552 too big' }, 'rejected', false],
      [{ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' }, 'auth_failed', false],
      [
        { code: 'ETIMEDOUT', timeoutType: 'CONNECTION_TIMEOUT', message: 'Connection timeout' },
        'timeout',
        true,
      ],
      [
        { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', message: 'Greeting never received' },
        'timeout',
        true,
      ],
      [
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }),
        'network_error',
        true,
      ],
      [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND' }, 'network_error', true],
      // After the mail may have been handed over: never retried blindly.
      [{ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', message: 'Timeout' }, 'timeout', false],
      [{ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, 'timeout', false],
    ];
    for (const [failure, code, retryable] of cases) {
      const error = toChannelError(failure);
      expect(error).toBeInstanceOf(ChannelError);
      expect([error.code, error.retryable]).toEqual([code, retryable]);
    }
    expect(toChannelError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }).message).toBe(
      'No answer from the SMTP server — check before retrying',
    );
    expect(toChannelError({ responseCode: 550, response: '550 5.1.1 no such user' }).message).toBe(
      '550 5.1.1 no such user',
    );
  });
});

describe('our reply', () => {
  it('answers the parent with Re: <topic>, In-Reply-To and the References chain', () => {
    const mail = composeReply({
      ...base,
      parent: { messageId: '<m2@customer.test>', references: ['<m1@customer.test>', '<r1@acme.test>'] },
    });
    expect(mail).toMatchObject({
      from: { name: 'Acme Support', address: 'support@acme.test' },
      to: 'ana@customer.test',
      subject: 'Re: Order 42 is late',
      messageId: '<0b7c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10@acme.test>',
      inReplyTo: '<m2@customer.test>',
      references: ['<m1@customer.test>', '<r1@acme.test>', '<m2@customer.test>'],
      headers: {},
    });
  });

  it('starts a thread with the topic alone when the agent writes first, and marks bot messages automatic', () => {
    const mail = composeReply({ ...base, parent: undefined, automatic: true });
    expect(mail.subject).toBe('Order 42 is late');
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
    expect(mail.headers).toEqual({ 'Auto-Submitted': 'auto-generated' });
  });

  it('renders the text as escaped, simple HTML', () => {
    expect(textToHtml('a <b> & "c"\nnext\n\nhttps://x.example/a?b=1.')).toContain(
      '<p style="margin:0 0 1em">a &lt;b&gt; &amp; &quot;c&quot;<br>next</p>\n<p style="margin:0 0 1em"><a href="https://x.example/a?b=1">https://x.example/a?b=1</a>.</p>',
    );
  });
});

describe('sending through SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.stop());

  const smtp = () => ({
    host: '127.0.0.1',
    port: sink.port,
    security: 'none' as const,
    user: sink.user,
    password: sink.password,
  });

  it('delivers the reply with its headers, both bodies and attachments', async () => {
    const mail = composeReply({
      messageId: '1b7c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10',
      from: 'support@acme.test',
      displayName: 'Acme Support',
      to: 'ana@customer.test',
      topic: 'Order 42',
      text: 'See the invoice.',
      automatic: false,
      parent: { messageId: '<m1@customer.test>', references: [] },
      files: [{ fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') }],
    });
    await sendEmail(smtp(), mail);
    const [got] = await sink.waitFor(1);
    expect(got?.envelope).toEqual({ from: 'support@acme.test', to: ['ana@customer.test'] });
    expect(got?.parsed.messageId).toBe('<1b7c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10@acme.test>');
    expect(got?.parsed.inReplyTo).toBe('<m1@customer.test>');
    expect(got?.parsed.references).toBe('<m1@customer.test>');
    expect(got?.parsed.subject).toBe('Re: Order 42');
    expect(got?.parsed.from?.text).toBe('"Acme Support" <support@acme.test>');
    expect(got?.parsed.text?.trim()).toBe('See the invoice.');
    expect(got?.parsed.html).toContain('See the invoice.');
    expect(got?.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['invoice.pdf', '%PDF-1.4 test'],
    ]);
  });

  it('turns the server answers into retryable or final ChannelErrors', async () => {
    const mail = composeReply({ ...base, parent: undefined });
    sink.failWith(451);
    await expect(sendEmail(smtp(), mail)).rejects.toMatchObject({
      code: 'rate_limited',
      retryable: true,
      status: 451,
    });
    sink.failWith(550);
    await expect(sendEmail(smtp(), mail)).rejects.toMatchObject({
      code: 'rejected',
      retryable: false,
      status: 550,
    });
    sink.failWith(undefined);
    await expect(sendEmail({ ...smtp(), password: 'wrong-password' }, mail)).rejects.toMatchObject({
      code: 'auth_failed',
      retryable: false,
    });
    await expect(sendEmail({ ...smtp(), port: 1 }, mail)).rejects.toMatchObject({
      code: 'network_error',
      retryable: true,
    });
  });
});
