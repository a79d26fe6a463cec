import { randomInt, randomUUID } from 'node:crypto';
import type { Channel } from '@parley/contracts';
import MailComposer from 'nodemailer/lib/mail-composer';
import { messagesApiChannelOf } from '../../channels/infobip/channel-names.ts';
import { incomingTextPayload } from '../../channels/infobip/fake-events.ts';

// The genuine inbound payload each provider would deliver for a customer's text message: the
// simulator hands these to the same store → process pipeline as the provider's webhook/listener.

/** An Infobip incoming-message webhook body (reference example with our fields). */
export function infobipInbound(channel: Channel, from: string, to: string, text: string): unknown {
  const name = messagesApiChannelOf(channel);
  if (!name) throw new Error(`Infobip does not carry ${channel}`);
  return incomingTextPayload({ channel: name, from, to, text });
}

/** A Telegram Bot API Update with a private-chat text message from the customer's chat. */
export function telegramInbound(chatId: number, name: string | undefined, text: string, now: Date) {
  const person = name ? { first_name: name } : {};
  return {
    update_id: randomInt(1, 2 ** 31 - 1),
    message: {
      message_id: randomInt(1, 2 ** 31 - 1),
      date: Math.floor(now.getTime() / 1000),
      chat: { id: chatId, type: 'private', ...person },
      from: { id: chatId, is_bot: false, ...person },
      text,
    },
  };
}

export interface EmailInput {
  from: string;
  name?: string;
  to: string;
  subject: string;
  text: string;
  /** Message-IDs of our earlier mails to this customer, newest last: threads the reply. */
  references: string[];
}

/** The raw RFC 5322 bytes of the customer's e-mail, as a mail client composes them. */
export function emailInbound(input: EmailInput): Promise<Buffer> {
  const last = input.references.at(-1);
  const composer = new MailComposer({
    from: input.name ? { name: input.name, address: input.from } : input.from,
    to: input.to,
    subject: input.subject,
    messageId: `<${randomUUID()}@simulator.parley.invalid>`,
    ...(last && { inReplyTo: last, references: input.references }),
    text: input.text,
  });
  return composer.compile().build();
}
