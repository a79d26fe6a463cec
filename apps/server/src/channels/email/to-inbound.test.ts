import { describe, expect, it } from 'vitest';
import { parseEmail } from './parse-email.ts';
import { buildBounce, buildTestMail } from './test-mail.ts';
import { type StoredFiles, toInboundMessage } from './to-inbound.ts';

const context = {
  connectionId: '3f1e4d0a-1b2c-4d5e-8f90-123456789abc',
  ourAddress: 'support@acme.test',
  receivedAt: '2026-11-25T10:00:00.000Z',
};
const noFiles: StoredFiles = { attachments: [], inlineImages: new Map(), refused: [] };

describe('received e-mail → inbound message', () => {
  it('maps sender, subject, text without quoted history, and the ids it answers', async () => {
    const mail = await parseEmail(
      await buildTestMail({
        from: '"Ana López" <Ana@Customer.TEST>',
        subject: 'Re: Order 42 is late',
        messageId: '<m2@customer.test>',
        inReplyTo: '<r1@acme.test>',
        references: ['<m1@customer.test>', '<r1@acme.test>'],
        text: 'Still nothing.\n\nOn Tue, 3 Mar 2026 at 10:00, Acme <support@acme.test> wrote:\n> We are on it.',
      }),
    );
    expect(toInboundMessage(mail, context, noFiles)).toEqual({
      connectionId: context.connectionId,
      channel: 'EMAIL',
      providerMessageId: '<m2@customer.test>',
      from: 'ana@customer.test',
      to: 'support@acme.test',
      receivedAt: context.receivedAt,
      contentType: 'TEXT',
      content: { text: 'Still nothing.', subject: 'Re: Order 42 is late' },
      customerName: 'Ana López',
      replyTo: ['<r1@acme.test>', '<m1@customer.test>'],
    });
  });

  it('keeps sanitised HTML with inline images pointed at their stored files, and lists attachments', async () => {
    const mail = await parseEmail(
      await buildTestMail({
        html: '<p onclick="x()">Hi <b>team</b></p><img src="cid:logo@ana"><script>alert(1)</script>',
        attachments: [
          { filename: 'logo.png', content: Buffer.from('png'), contentType: 'image/png', cid: 'logo@ana' },
          { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
        ],
      }),
    );
    expect(mail.files.map((f) => [f.fileName, f.mimeType, f.contentId])).toEqual([
      ['logo.png', 'image/png', 'logo@ana'],
      ['invoice.pdf', 'application/pdf', undefined],
    ]);
    const attachment = {
      id: '5b1e4d0a-1b2c-4d5e-8f90-123456789abc',
      fileName: 'invoice.pdf',
      mimeType: 'application/pdf',
      size: 8,
    };
    const message = toInboundMessage(mail, context, {
      attachments: [attachment],
      inlineImages: new Map([['logo@ana', '/api/attachments/1/content']]),
      refused: ['virus.exe'],
    });
    expect(message?.content).toEqual({
      text: 'Hello, where is my order?\n\n[attachment not kept: virus.exe]',
      subject: 'Order 42 is late',
      html: '<p>Hi <b>team</b></p><img src="/api/attachments/1/content" />',
      attachments: [attachment],
    });
  });

  it('gives a message without Message-ID a stable id of its bytes, so a repeat is still a duplicate', async () => {
    const raw = Buffer.from(
      'From: ana@customer.test\r\nTo: support@acme.test\r\nSubject: x\r\n\r\nhello\r\n',
    );
    const [a, b] = [await parseEmail(raw), await parseEmail(Buffer.from(raw))];
    expect(a.messageId).toMatch(/^<[0-9a-f]{64}@parley\.invalid>$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it('falls back on the envelope sender, and maps nothing without any sender', async () => {
    const raw = Buffer.from('To: support@acme.test\r\nSubject: x\r\n\r\nhello\r\n');
    const mail = await parseEmail(raw);
    expect(toInboundMessage(mail, { ...context, envelopeFrom: 'Bob@Customer.test' }, noFiles)?.from).toBe(
      'bob@customer.test',
    );
    expect(toInboundMessage(mail, context, noFiles)).toBeUndefined();
  });

  it('recognises automatic mail and bounces of our e-mails', async () => {
    const ooo = await parseEmail(await buildTestMail({ headers: { 'Auto-Submitted': 'auto-replied' } }));
    expect(ooo.automatic).toBe(true);
    expect((await parseEmail(await buildTestMail({}))).automatic).toBe(false);
    const bounce = await parseEmail(buildBounce('<0b7c@acme.test>'));
    expect(bounce.report).toEqual({
      originalMessageId: '<0b7c@acme.test>',
      action: 'failed',
      reason: '550 5.1.1 <nobody@customer.test>: user unknown',
    });
  });
});
