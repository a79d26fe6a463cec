import { z } from 'zod';

// Settings of an e-mail connection (provider `email`, channel EMAIL). The connection's `sender` is
// our address: mail to it is accepted by Parley's SMTP listener, replies go out from it.

/** How Parley talks to the outgoing SMTP server. */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export const SmtpSecurity = z.enum(SMTP_SECURITY);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** The outgoing mail server replies are sent through. */
export const SmtpSettings = z.object({
  /** Host name or IP address of the SMTP server (the provider's submission server, or a local MTA). */
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
  /** 587 for STARTTLS submission, 465 for TLS from the start, 25 for a local relay. */
  port: z.number().int().min(1).max(65535).default(587),
  /**
   * `starttls`: plain connection upgraded to TLS, refused without it; `tls`: TLS from the first
   * byte; `none`: no TLS at all (only for a relay on the same host or a private network).
   */
  security: SmtpSecurity.default('starttls'),
  /** Login name, when the server wants one. */
  user: z.string().trim().max(500).optional(),
  /** Password of `user`; secret (write-only). */
  password: z.string().max(500).optional(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

/** What an admin sets on an e-mail connection. */
export const EmailConnectionSettings = z.object({
  /** Display name of our From address, e.g. "Acme Support"; the address alone when absent. */
  displayName: z.string().trim().max(100).optional(),
  smtp: SmtpSettings,
});
export type EmailConnectionSettings = z.infer<typeof EmailConnectionSettings>;

/** The write-only fields of EmailConnectionSettings, as dotted paths. */
export const EMAIL_SECRET_FIELDS = ['smtp.password'] as const;
