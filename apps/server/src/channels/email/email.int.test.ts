import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { createConnection } from '../../modules/channel-connections/channel-connections.service.ts';
import { updateConversation } from '../../modules/conversations/conversation-commands.service.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { createCustomer } from '../../modules/customers/customers.service.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { eventually } from '../infobip/test-support.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';
import { buildBounce, buildTestMail, type TestMail } from './test-mail.ts';

// The whole e-mail loop against the real database: a mail to the listener becomes a conversation,
// the agent's reply reaches a test SMTP sink with threading headers, and the customer's answer threads.

const LISTENER_PORT = 2625;
const OURS = 'support@acme.test';
let app: App;
let ctx: AppContext;
let db: Db;
let sink: SmtpSink;
let agent: Actor;

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ app, ctx, db } = await buildTestApp({
    SMTP_LISTENER_PORT: String(LISTENER_PORT),
    SMTP_LISTENER_HOST: '127.0.0.1',
  }));
  await createConnection(ctx.events, {
    provider: 'email',
    channel: 'EMAIL',
    name: 'Support mailbox',
    sender: OURS,
    settings: {
      displayName: 'Acme Support',
      smtp: {
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        user: sink.user,
        password: sink.password,
      },
    },
  });
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  agent = { kind: 'supervisor', userId: user.id };
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

/** Hands a raw mail to the listener as a sending MTA would; resolves with the SMTP answer. */
async function deliver(raw: Buffer, to: string[] = [OURS], from = 'mta@customer.test'): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: LISTENER_PORT, ignoreTLS: true });
  const info = await transport.sendMail({ envelope: { from, to }, raw });
  return info.response;
}

async function customerWrites(mail: TestMail): Promise<string> {
  return deliver(await buildTestMail(mail));
}

interface Stored {
  id: string;
  conversation_id: string;
  content: {
    text?: string;
    subject?: string;
    html?: string;
    attachments?: Array<{ id: string; fileName: string }>;
  };
  delivery_state: string;
  provider_message_id: string | null;
  failure_reason: string | null;
}

function messageByProviderId(id: string): Promise<Stored | undefined> {
  return db.pool
    .query<Stored>(`select * from messages where channel = 'EMAIL' and provider_message_id = $1`, [id])
    .then((r) => r.rows[0]);
}

async function reply(conversationId: string, text: string): Promise<Stored> {
  const { message } = await sendAgentMessage(ctx.events, agent, conversationId, {
    contentType: 'TEXT',
    content: { text },
  });
  return eventually(async () => {
    const row = (await db.pool.query<Stored>('select * from messages where id = $1', [message.id])).rows[0];
    return row?.delivery_state === 'PENDING' ? undefined : row;
  }, 'the reply to be sent');
}

describe('e-mail loop', () => {
  let conversationId: string;
  let firstReply: Stored;

  it('turns a mail with attachments and an inline image into a new conversation', async () => {
    const answer = await customerWrites({
      messageId: '<m1@customer.test>',
      subject: 'Order 42 is late',
      text: 'Hello,\nwhere is my order?',
      html: '<p>Hello,<br>where is <b>my order</b>?</p><img src="cid:photo@customer"><script>alert(1)</script>',
      attachments: [
        {
          filename: 'invoice.pdf',
          content: Buffer.from('%PDF-1.4\n%test\n'),
          contentType: 'application/pdf',
        },
        {
          filename: 'photo.png',
          content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
          contentType: 'image/png',
          cid: 'photo@customer',
        },
      ],
    });
    expect(answer).toMatch(/^250 /);
    const stored = await eventually(() => messageByProviderId('<m1@customer.test>'), 'the first mail');
    conversationId = stored.conversation_id;
    const conv = (
      await db.pool.query(
        'select topic, channel, our_address, customer_address from conversations where id = $1',
        [conversationId],
      )
    ).rows[0];
    expect(conv).toEqual({
      topic: 'Order 42 is late',
      channel: 'EMAIL',
      our_address: OURS,
      customer_address: 'ana@customer.test',
    });
    expect(stored.content.subject).toBe('Order 42 is late');
    expect(stored.content.text).toBe('Hello,\nwhere is my order?');
    expect(stored.content.attachments?.map((a) => a.fileName).sort()).toEqual(['invoice.pdf', 'photo.png']);
    const photo = stored.content.attachments?.find((a) => a.fileName === 'photo.png');
    expect(stored.content.html).toBe(
      `<p>Hello,<br />where is <b>my order</b>?</p><img src="/api/attachments/${photo?.id}" />`,
    );
  });

  it('sends the agent reply through SMTP with Re: subject and threading headers', async () => {
    firstReply = await reply(conversationId, 'We are on it, Ana.');
    expect(firstReply.delivery_state).toBe('SENT');
    expect(firstReply.provider_message_id).toBe(`<${firstReply.id}@acme.test>`);
    const [mail] = await sink.waitFor(1);
    expect(mail?.envelope).toEqual({ from: OURS, to: ['ana@customer.test'] });
    expect(mail?.parsed.from?.text).toBe('"Acme Support" <support@acme.test>');
    expect(mail?.parsed.subject).toBe('Re: Order 42 is late');
    expect(mail?.parsed.messageId).toBe(firstReply.provider_message_id);
    expect(mail?.parsed.inReplyTo).toBe('<m1@customer.test>');
    expect(mail?.parsed.references).toBe('<m1@customer.test>');
    expect(mail?.parsed.text?.trim()).toBe('We are on it, Ana.');
  });

  it("threads the customer's answer to our reply into the same conversation, and chains the next reply", async () => {
    await customerWrites({
      messageId: '<m2@customer.test>',
      subject: 'Re: Order 42 is late',
      inReplyTo: firstReply.provider_message_id ?? '',
      references: ['<m1@customer.test>', firstReply.provider_message_id ?? ''],
      text: 'Thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> We are on it, Ana.',
    });
    const answer = await eventually(() => messageByProviderId('<m2@customer.test>'), 'the answer');
    expect(answer.conversation_id).toBe(conversationId);
    expect(answer.content.text).toBe('Thanks!');
    await reply(conversationId, 'It shipped today.');
    const [, second] = await sink.waitFor(2);
    expect(second?.parsed.inReplyTo).toBe('<m2@customer.test>');
    expect(second?.parsed.references).toEqual([
      '<m1@customer.test>',
      firstReply.provider_message_id,
      '<m2@customer.test>',
    ]);
    expect(second?.parsed.subject).toBe('Re: Order 42 is late');
  });

  it('joins by headers from another address of the same customer profile, but not from a copied third person', async () => {
    await createCustomer(ctx.events, {
      name: 'Ana López',
      destinations: [
        { channel: 'EMAIL', address: 'ana@customer.test' },
        { channel: 'EMAIL', address: 'ana.home@customer.test' },
      ],
    });
    const headers = {
      inReplyTo: firstReply.provider_message_id ?? '',
      references: ['<m1@customer.test>', firstReply.provider_message_id ?? ''],
    };
    await customerWrites({
      ...headers,
      from: 'ana.home@customer.test',
      messageId: '<m3@customer.test>',
      text: 'From home.',
    });
    await customerWrites({
      ...headers,
      from: 'boss@customer.test',
      messageId: '<m4@customer.test>',
      text: 'I am her boss.',
    });
    const alias = await eventually(() => messageByProviderId('<m3@customer.test>'), 'the alias mail');
    const third = await eventually(() => messageByProviderId('<m4@customer.test>'), 'the third person mail');
    expect(alias.conversation_id).toBe(conversationId);
    expect(third.conversation_id).not.toBe(conversationId);
  });

  it('starts a new conversation for an answer to a CLOSED one (D2: CLOSED is final)', async () => {
    await updateConversation(ctx.events, agent, conversationId, { status: 'CLOSED' });
    await customerWrites({
      messageId: '<m5@customer.test>',
      subject: 'Re: Order 42 is late',
      inReplyTo: firstReply.provider_message_id ?? '',
      text: 'One more question.',
    });
    const late = await eventually(() => messageByProviderId('<m5@customer.test>'), 'the late answer');
    expect(late.conversation_id).not.toBe(conversationId);
    const topic = await db.pool.query('select topic from conversations where id = $1', [
      late.conversation_id,
    ]);
    expect(topic.rows[0].topic).toBe('Re: Order 42 is late');
  });

  it('ignores a repeated Message-ID and refuses unknown recipients', async () => {
    const raw = await buildTestMail({ messageId: '<m1@customer.test>', text: 'resent' });
    expect(await deliver(raw)).toMatch(/^250 .*Duplicate/);
    const count = await db.pool.query(
      `select count(*)::int as n from messages where provider_message_id = '<m1@customer.test>'`,
    );
    expect(count.rows[0].n).toBe(1);
    await expect(deliver(raw, ['nobody@acme.test'])).rejects.toMatchObject({ responseCode: 550 });
  });

  it('takes a delivery report from a non-null envelope sender as no bounce', async () => {
    const forged = buildBounce(firstReply.provider_message_id ?? '', OURS, '<forged@customer.test>');
    await deliver(forged, [OURS], 'forger@customer.test');
    await eventually(async () => {
      const { rows } = await db.pool.query(
        `select 1 from inbound_events where payload->>'mailFrom' = 'forger@customer.test' and processed_at is not null`,
      );
      return rows[0];
    }, 'the forged report processed');
    const row = (await db.pool.query<Stored>('select * from messages where id = $1', [firstReply.id]))
      .rows[0];
    expect(row?.delivery_state).not.toBe('FAILED');
  });

  it('marks our e-mail FAILED when its bounce (null envelope sender) comes back', async () => {
    await deliver(buildBounce(firstReply.provider_message_id ?? '', OURS), [OURS], '');
    const failed = await eventually(async () => {
      const row = (await db.pool.query<Stored>('select * from messages where id = $1', [firstReply.id]))
        .rows[0];
      return row?.delivery_state === 'FAILED' ? row : undefined;
    }, 'the bounce');
    expect(failed.failure_reason).toBe('550 5.1.1 <nobody@customer.test>: user unknown');
  });
});
