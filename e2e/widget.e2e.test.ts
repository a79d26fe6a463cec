import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConversationView } from './pages/conversation.ts';
import { ChatWidget } from './pages/widget.ts';
import { type ApiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { createFirstAdmin, createUser, signedInPage } from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';
import { type StaticSite, startStaticSite } from './support/site.ts';

// Issue 7's live-chat journey: a visitor on a shop served from another origin (its own port, a
// strict CSP) chats through the widget with an agent in Parley, both ways, with typing indicators,
// read marks and a reload that keeps the conversation.

const PASSWORD = 'a long enough password';
const WIDGET_ID = 'acme-shop';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let site: StaticSite;
let browser: Browser;
let admin: ApiSession;
let agent: ApiSession;

function shopPage(parleyUrl: string): { html: string; csp: string } {
  const ws = parleyUrl.replace(/^http/, 'ws');
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Shop</title><link rel="icon" href="data:,"></head>
<body><h1>Acme Shop</h1><p>Hand-made teapots.</p>
<script src="${parleyUrl}/widget.js" data-widget-id="${WIDGET_ID}" async></script></body></html>`,
    // A strict policy like Parley's own: no inline script or style, Parley named for scripts and calls.
    csp: `default-src 'self'; script-src 'self' ${parleyUrl}; connect-src 'self' ${parleyUrl} ${ws}; img-src 'self' ${parleyUrl} data:; style-src 'self'; object-src 'none'; base-uri 'self'`,
  };
}

/** The id of the visitor's LIVE_CHAT conversation once it exists. */
async function liveChatConversation(): Promise<{ id: string; customer: { name: string | null } }> {
  let found: { id: string; customer: { name: string | null } } | undefined;
  await expect
    .poll(async () => {
      const { body } = await admin.request<{ items: { id: string; customer: { name: string | null } }[] }>(
        'GET',
        '/api/conversations?channel=LIVE_CHAT',
      );
      found = body.items[0];
      return found;
    }, LIVE)
    .toBeDefined();
  return found as { id: string; customer: { name: string | null } };
}

beforeAll(async () => {
  [parley, browser] = await Promise.all([startParley(), launchBrowser()]);
  site = await startStaticSite(shopPage(parley.url));
  admin = await createFirstAdmin(parley.url, PASSWORD);
  agent = await createUser(admin, parley.url, {
    email: 'alice@example.com',
    displayName: 'Alice Agent',
    roles: ['agent'],
    password: PASSWORD,
  });
  await expectStatus(
    admin.request('POST', '/api/channel-connections', {
      provider: 'livechat',
      channel: 'LIVE_CHAT',
      name: 'Shop chat',
      sender: WIDGET_ID,
      settings: { allowedOrigins: [site.url], preChatForm: true, title: 'Chat with Acme', color: '#0b7285' },
    }),
    201,
    'create the live-chat connection',
  );
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await parley?.stop();
});

test('a visitor on another origin chats with an agent both ways, with typing, read marks and a reload', {
  timeout: 180_000,
}, async () => {
  const visitorPage: Page = await (
    await browser.newContext({ viewport: { width: 1200, height: 800 } })
  ).newPage();
  const pageErrors: string[] = [];
  visitorPage.on('pageerror', (error) => pageErrors.push(error.message));
  visitorPage.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await visitorPage.goto(site.url);
  const widget = new ChatWidget(visitorPage);

  // Pre-chat form, then the first message.
  await widget.open();
  await widget.fillPreChat('Vera Visitor', 'vera@example.com');
  await widget.type('Hello, my teapot arrived cracked.');
  await widget.send();
  await expect.poll(() => widget.visitorMessages().count(), LIVE).toBe(1);

  // It became a LIVE_CHAT conversation of a customer named from the pre-chat form.
  const conversation = await liveChatConversation();
  expect(conversation.customer.name).toBe('Vera Visitor');
  await expectStatus(
    admin.request('POST', `/api/conversations/${conversation.id}/assign`, { userId: agent.userId }),
    200,
    'assign to Alice',
  );

  // The agent opens it in their own browser and sees the visitor typing, then the message, live.
  const agentPage = await signedInPage(browser, parley.url, 'alice@example.com', PASSWORD);
  const view = new ConversationView(agentPage);
  await view.open(parley.url, conversation.id);
  await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(1);
  await widget.type('Can you send a new one?');
  await agentPage.getByTestId('customer-typing').waitFor({ timeout: LIVE.timeout });
  await widget.send();
  await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(2);
  await expect(agentPage.getByTestId('customer-typing').count()).resolves.toBe(0);
  await expect
    .poll(() => view.inboundMessages().last().textContent(), LIVE)
    .toContain('Can you send a new one?');

  // The agent types (the visitor sees it), then replies (the visitor sees the reply).
  const composer = view.view().getByTestId('composer-input');
  await composer.pressSequentially('Sorry about that!', { delay: 30 });
  await widget.agentTyping().waitFor({ timeout: LIVE.timeout });
  await composer.press('Enter');
  await expect.poll(() => widget.agentMessages().count(), LIVE).toBe(1);
  await expect.poll(() => widget.agentMessages().first().textContent(), LIVE).toContain('Sorry about that!');
  await expect.poll(() => widget.agentMessages().first().textContent(), LIVE).toContain('Alice Agent');
  await expect.poll(() => widget.agentTyping().isVisible(), LIVE).toBe(false);

  // The visitor's panel is open and visible: the agent's reply turns Seen; the agent read the
  // visitor's messages, so the visitor sees "Seen" too.
  await expect
    .poll(() => view.view().locator('[data-direction="OUTBOUND"] [aria-label="Seen"]').count(), LIVE)
    .toBe(1);
  await widget.seen().waitFor({ timeout: LIVE.timeout });

  // A reload keeps the session and the whole conversation (the panel reopens as it was).
  await visitorPage.reload();
  await widget.panel().waitFor();
  await expect.poll(() => widget.visitorMessages().count(), LIVE).toBe(2);
  await expect.poll(() => widget.agentMessages().count(), LIVE).toBe(1);
  expect(await visitorPage.getByTestId('widget-prechat').isVisible()).toBe(false);

  // And the chat goes on after the reload, into the same conversation.
  await widget.type('Thanks!');
  await widget.send();
  await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(3);
  expect((await liveChatConversation()).id).toBe(conversation.id);
  expect(pageErrors).toEqual([]);
});
