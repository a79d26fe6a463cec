import MailComposer from 'nodemailer/lib/mail-composer';

// Real MIME messages for tests, built the way mail clients build them.

export interface TestMail {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer | string; contentType?: string; cid?: string }>;
}

/** The raw RFC 5322 bytes of a message. */
export function buildTestMail(mail: TestMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from ?? 'Ana Lopez <ana@customer.test>',
    to: mail.to ?? 'support@acme.test',
    subject: mail.subject ?? 'Order 42 is late',
    ...(mail.messageId && { messageId: mail.messageId }),
    ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
    ...(mail.references && { references: mail.references }),
    text: mail.text ?? 'Hello, where is my order?',
    ...(mail.html && { html: mail.html }),
    ...(mail.headers && { headers: mail.headers }),
    ...(mail.attachments && { attachments: mail.attachments }),
  });
  return composer.compile().build();
}

/** A bounce (RFC 3464 delivery status notification) returning the e-mail `messageId`. */
export function buildBounce(
  messageId: string,
  to = 'support@acme.test',
  bounceId = '<bounce-1@mx.customer.test>',
): Buffer {
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
      `To: ${to}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: ${bounceId}`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.test',
      '',
      'Final-Recipient: rfc822; nobody@customer.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.test>: user unknown',
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `From: ${to}`,
      'To: nobody@customer.test',
      `Message-ID: ${messageId}`,
      '',
      '--B--',
      '',
    ].join('\r\n'),
  );
}
