import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConversationView } from './pages/conversation.ts';
import { SimulatorScreen } from './pages/simulator.ts';
import { type ApiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { createFirstAdmin, createUser, signedInPage } from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 7's customer simulator: a supervisor plays a customer on a WhatsApp and on an Instagram
// connection pointed at the built-in sandbox provider; the message arrives through the Infobip
// webhook pipeline, a supervisor answers it from the conversation view (the composer counting down
// the channel's 24-hour window), and the simulator shows the reply delivered (ticks come back from
// the sandbox's delivery and seen reports).

const PASSWORD = 'a long enough password';
const LINES = [
  {
    channel: 'WHATSAPP',
    name: 'WhatsApp (sandbox)',
    sender: '447700900700',
    customer: '447700900123',
    window: /^WhatsApp reply window: 23 h 5\d min left for free text$/,
  },
  {
    channel: 'INSTAGRAM_MESSAGING',
    name: 'Instagram (sandbox)',
    sender: '17841400000000700',
    customer: '768938852147373',
    window: /^Instagram window: 23 h 5\d min left to reply$/,
  },
] as const;
const LIVE = { timeout: 20_000, interval: 200 };

let parley: RunningParley;
let browser: Browser;
let admin: ApiSession;
let supervisor: ApiSession;

beforeAll(async () => {
  [parley, browser] = await Promise.all([startParley({ SANDBOX_PROVIDER: 'true' }), launchBrowser()]);
  admin = await createFirstAdmin(parley.url, PASSWORD);
  supervisor = await createUser(admin, parley.url, {
    email: 'sam@example.com',
    displayName: 'Sam Supervisor',
    roles: ['supervisor', 'agent'],
    password: PASSWORD,
  });
  for (const line of LINES) {
    await expectStatus(
      admin.request('POST', '/api/channel-connections', {
        provider: 'infobip',
        channel: line.channel,
        name: line.name,
        sender: line.sender,
        settings: { baseUrl: `${parley.url}/sandbox/infobip`, apiKey: 'e2e-sandbox-key-0123456789' },
      }),
      201,
      `create the sandbox ${line.channel} connection`,
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
});

test.each(LINES)(
  'a supervisor plays the customer on $channel and answers on the desk; the simulator shows it delivered',
  async (line) => {
    const page = await signedInPage(browser, parley.url, 'sam@example.com', PASSWORD);
    const simulator = new SimulatorScreen(page);
    await simulator.open(parley.url);
    await simulator.playNewCustomer(line.name.replace(/[()]/g, '\\$&'), line.customer);
    await simulator.write('Hello, is my phone repaired yet?');
    await expect
      .poll(() => simulator.messages('INBOUND').allInnerTexts(), LIVE)
      .toEqual([expect.stringContaining('Hello, is my phone repaired yet?')]);

    // The message became a conversation through the Infobip webhook pipeline.
    let conversationId: string | undefined;
    await expect
      .poll(async () => {
        const { body } = await supervisor.request<{ items: { id: string; channels: string[] }[] }>(
          'GET',
          '/api/conversations?limit=20',
        );
        conversationId = body.items.find((c) => c.channels.includes(line.channel))?.id;
        return conversationId;
      }, LIVE)
      .toBeDefined();

    const desk = await signedInPage(browser, parley.url, 'sam@example.com', PASSWORD);
    const view = new ConversationView(desk);
    await view.open(parley.url, conversationId as string);
    await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(1);
    await expect.poll(() => desk.getByTestId('reply-window').textContent(), LIVE).toMatch(line.window);
    await view.reply('Yes, it is ready for pick-up.');

    const reply = simulator.messages('OUTBOUND');
    await expect
      .poll(() => reply.allInnerTexts(), LIVE)
      .toEqual([expect.stringContaining('Yes, it is ready for pick-up.')]);
    await expect.poll(() => reply.first().getAttribute('data-state'), LIVE).toMatch(/^(DELIVERED|SEEN)$/);
    if (process.env.SIMULATOR_SCREENSHOT) await page.screenshot({ path: process.env.SIMULATOR_SCREENSHOT });
  },
);
