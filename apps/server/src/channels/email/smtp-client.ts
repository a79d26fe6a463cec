import type { SmtpSettings } from '@parley/contracts';
import nodemailer from 'nodemailer';
import { ChannelError, failedBeforeSending, noAnswer } from '../channel-error.ts';
import type { OutgoingEmail } from './compose-reply.ts';

/** Milliseconds to wait for the server's connection, greeting and each answer before giving up. */
const TIMEOUT_MS = 30_000;

interface SmtpFailure {
  code?: string;
  /** nodemailer's timeouts: CONNECTION_TIMEOUT, GREETING_TIMEOUT (nothing sent yet) or SOCKET_TIMEOUT. */
  timeoutType?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * An SMTP failure in Parley's words: 4xx answers are temporary (retried with backoff), 5xx answers
 * are final (the message is FAILED with the server's answer as reason). Without an answer, only a
 * failure before the mail could have been handed over (refused, DNS, connect or greeting timeout,
 * TLS) is retried; a timeout or a dropped connection later may follow an accepted mail, so it is
 * FAILED "check before retrying" (never sent twice).
 */
export function toChannelError(error: unknown): ChannelError {
  const e = (error ?? {}) as SmtpFailure;
  const status = e.responseCode;
  const reason = (e.response ?? e.message ?? 'SMTP send failed').trim();
  if (status !== undefined && status >= 500) {
    const authFailed = e.code === 'EAUTH' || status === 530 || status === 535;
    return new ChannelError(authFailed ? 'auth_failed' : 'rejected', false, reason, status);
  }
  if (status !== undefined && status >= 400) {
    const limited = status === 421 || status === 450 || status === 451 || status === 452;
    return new ChannelError(limited ? 'rate_limited' : 'provider_unavailable', true, reason, status);
  }
  if (e.code === 'EAUTH') return new ChannelError('auth_failed', false, reason);
  if (
    e.code === 'ETIMEDOUT' &&
    (e.timeoutType === 'CONNECTION_TIMEOUT' || e.timeoutType === 'GREETING_TIMEOUT')
  ) {
    return new ChannelError('timeout', true, reason);
  }
  if (e.code === 'EDNS' || e.code === 'ETLS' || failedBeforeSending(error)) {
    return new ChannelError('network_error', true, reason);
  }
  return noAnswer('the SMTP server');
}

function createTransport(smtp: SmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user && { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

/** Sends one e-mail through the connection's SMTP server; resolves once the server accepted it. */
export async function sendEmail(smtp: SmtpSettings, mail: OutgoingEmail): Promise<void> {
  const transport = createTransport(smtp);
  try {
    await transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      messageId: mail.messageId,
      ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
      ...(mail.references && { references: mail.references }),
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.files.map((f) => ({
        filename: f.fileName,
        contentType: f.mimeType,
        content: f.bytes,
      })),
      // The envelope sender is our address, so bounces come back to the listener.
      envelope: { from: mail.from.address, to: [mail.to] },
    });
  } catch (error) {
    throw toChannelError(error);
  } finally {
    transport.close();
  }
}

/** The admin's "Test": connects, negotiates TLS as configured and logs in, without sending anything. */
export async function verifySmtp(smtp: SmtpSettings): Promise<{ ok: boolean; message: string }> {
  const transport = createTransport(smtp);
  try {
    await transport.verify();
    return {
      ok: true,
      message: `The SMTP server ${smtp.host}:${smtp.port} accepted the connection${smtp.user ? ' and the login' : ''}`,
    };
  } catch (error) {
    return { ok: false, message: `SMTP server ${smtp.host}:${smtp.port}: ${toChannelError(error).message}` };
  } finally {
    transport.close();
  }
}
