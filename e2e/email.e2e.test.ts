import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../apps/server/src/channels/email/smtp-sink.ts';
import { buildTestMail } from '../apps/server/src/channels/email/test-mail.ts';
import { ConversationView } from './pages/conversation.ts';
import { type ApiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { createFirstAdmin, createUser, signedInPage } from './support/desk.ts';
import { freePort, type RunningParley, startParley } from './support/parley.ts';

// Issue 7's e-mail journey: a customer's mail to Parley's SMTP listener becomes a conversation the
// agent reads in the browser (subject, sanitised HTML, attachment); the agent's reply arrives at a
// test SMTP sink with the threading headers; the customer's answer joins the same conversation.

const PASSWORD = 'a long enough password';
const OURS = 'support@acme.test';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let sink: SmtpSink;
let smtpPort: number;
let agent: ApiSession;
let page: Page;

beforeAll(async () => {
  sink = await startSmtpSink();
  smtpPort = await freePort();
  parley = await startParley({ SMTP_LISTENER_PORT: String(smtpPort), SMTP_LISTENER_HOST: '127.0.0.1' });
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  await expectStatus(
    admin.request('POST', '/api/channel-connections', {
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
    }),
    201,
    'create the e-mail connection',
  );
  agent = await createUser(admin, parley.url, {
    email: 'sam@example.com',
    displayName: 'Sam Supervisor',
    roles: ['agent', 'supervisor'],
    password: PASSWORD,
  });
  browser = await launchBrowser();
  page = await signedInPage(browser, parley.url, 'sam@example.com', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await sink?.stop();
});

/** The customer's mail server hands a mail to Parley's listener. */
async function mailToParley(mail: Parameters<typeof buildTestMail>[0]): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true });
  const info = await transport.sendMail({
    envelope: { from: 'ana@customer.test', to: [OURS] },
    raw: await buildTestMail(mail),
  });
  expect(info.response).toMatch(/^250 /);
}

async function conversationOf(customer: string): Promise<{ id: string; topic: string }> {
  let found: { id: string; topic: string } | undefined;
  await expect
    .poll(async () => {
      const { body } = await agent.request<{
        items: Array<{ id: string; topic: string; customer: { address: string | null } }>;
      }>('GET', '/api/conversations?limit=100');
      found = body.items.find((c) => c.customer.address === customer);
      return found;
    }, LIVE)
    .toBeDefined();
  return found as { id: string; topic: string };
}

test('an e-mail becomes a conversation, the reply reaches the customer with threading headers', async () => {
  await mailToParley({
    messageId: '<first@customer.test>',
    subject: 'Order 42 is late',
    text: 'Hello, where is my order?',
    html: '<p>Hello, where is <b data-testid="bold">my order</b>?</p><img src="https://tracker.example/p.gif"><script>document.title="owned"</script>',
    attachments: [
      { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4\n%test\n'), contentType: 'application/pdf' },
    ],
  });
  const conversation = await conversationOf('ana@customer.test');
  expect(conversation.topic).toBe('Order 42 is late');

  const view = new ConversationView(page);
  await view.open(parley.url, conversation.id);
  const inbound = view.inboundMessages().first();
  await expect.poll(() => inbound.textContent(), LIVE).toContain('Order 42 is late');
  const body = inbound.getByTestId('email-body');
  await expect.poll(() => body.locator('b').textContent(), LIVE).toBe('my order');
  // Sanitised: no script ran, the tracking pixel is a link, not an image.
  expect(await page.title()).not.toBe('owned');
  expect(await body.locator('img').count()).toBe(0);
  expect(await body.getByRole('link', { name: '[image]' }).getAttribute('href')).toBe(
    'https://tracker.example/p.gif',
  );
  await expect.poll(() => inbound.textContent(), LIVE).toContain('invoice.pdf');

  await view.reply('It ships today, Ana.');
  const [sent] = await sink.waitFor(1);
  expect(sent?.envelope.to).toEqual(['ana@customer.test']);
  expect(sent?.parsed.subject).toBe('Re: Order 42 is late');
  expect(sent?.parsed.inReplyTo).toBe('<first@customer.test>');
  expect(sent?.parsed.references).toBe('<first@customer.test>');
  expect(sent?.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
  expect(sent?.parsed.text?.trim()).toBe('It ships today, Ana.');

  // The customer answers our reply: it threads into the same conversation, shown live.
  await mailToParley({
    messageId: '<second@customer.test>',
    subject: 'Re: Order 42 is late',
    inReplyTo: sent?.parsed.messageId ?? '',
    references: ['<first@customer.test>', sent?.parsed.messageId ?? ''],
    text: 'Great, thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> It ships today, Ana.',
    html: '<div>Great, thanks!</div><div class="gmail_quote"><div class="gmail_attr">On Tue, Acme Support wrote:</div><blockquote class="gmail_quote"><div>It ships today, Ana.</div></blockquote></div>',
  });
  await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(2);
  const answer = view.inboundMessages().nth(1);
  expect(await answer.textContent()).toContain('Great, thanks!');
  // The quoted history is folded: there, but closed until the agent opens it.
  const fold = answer.locator('details');
  expect(await fold.evaluate((el) => el.hasAttribute('open'))).toBe(false);
  expect(await answer.getByText('It ships today, Ana.').isVisible()).toBe(false);
  await answer.getByText('Quoted text').click();
  expect(await answer.getByText('It ships today, Ana.').isVisible()).toBe(true);
});
