import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { MyWorkPage } from './pages/my-work.ts';
import { DashboardScreen, QueuesSettingsPage, RoutingSettingsPage } from './pages/routing.ts';
import { Shell } from './pages/shell.ts';
import type { ApiSession } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectWhatsApp,
  createUser as createDeskUser,
  createFirstAdmin,
  signedInPage as openSignedIn,
  customerWrites as writeAsCustomer,
} from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// The routing journey of issue 6: a supervisor builds a queue with automatic assignment and a
// keyword rule in the UI; customer messages through the real Infobip webhook are routed there and
// assigned to the only Active member live — and wait while that member is Busy.

const PASSWORD = 'a long enough password';
const SENDER = '447700900123';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let webhook: { url: string; authorization: string };
let supervisor: ApiSession;
let agent: ApiSession;

interface ListItem {
  id: string;
  customer: { address: string | null };
  queue: { name: string } | null;
  assignee: { id: string } | null;
}

const createUser = (admin: ApiSession, email: string, displayName: string, roles: string[]) =>
  createDeskUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });

const customerWrites = (from: string, text: string) =>
  writeAsCustomer(fake, webhook, { from, to: SENDER, text });

/** The customer's conversation as the supervisor sees it (undefined until it exists). */
async function conversationOf(customer: string): Promise<ListItem | undefined> {
  const { body } = await supervisor.request<{ items: ListItem[] }>('GET', '/api/conversations?limit=100');
  return body.items.find((c) => c.customer.address === customer);
}

const signedInPage = (email: string) => openSignedIn(browser, parley.url, email, PASSWORD);

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  supervisor = await createUser(admin, 'sam@example.com', 'Sam Supervisor', ['supervisor']);
  agent = await createUser(admin, 'alice@example.com', 'Alice Agent', ['agent']);
  await createUser(admin, 'bob@example.com', 'Bob Agent', ['agent']);
  webhook = await connectWhatsApp(admin, fake, SENDER);
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await fake?.close();
});

test('a queue and a rule built in the UI route and assign live, and respect Busy', {
  timeout: 240_000,
}, async () => {
  // The supervisor builds the queue (one member, automatic assignment) and the rule.
  const supervisorPage = await signedInPage('sam@example.com');
  const queues = new QueuesSettingsPage(supervisorPage);
  await queues.open(parley.url);
  await queues.create('Invoices');
  await queues.addMembers('Invoices', ['Alice Agent']);
  await queues.enableAutoAssign('Invoices');
  const routing = new RoutingSettingsPage(supervisorPage);
  await routing.open(parley.url);
  await routing.createKeywordRule({ name: 'Invoice questions', keywords: ['invoice'], queue: 'Invoices' });
  expect(await routing.simulate('Where is my invoice?')).toBe('Invoices');

  // Alice (Active since she signed in) watches MY WORK.
  const alicePage = await signedInPage('alice@example.com');
  const aliceShell = new Shell(alicePage);
  const myWork = new MyWorkPage(alicePage);
  await myWork.open(parley.url);

  // A matching message lands in Invoices and is assigned to Alice, appearing in MY WORK live.
  const first = '385911000101';
  await customerWrites(first, 'Hello, where is my invoice for October?');
  await expect.poll(async () => (await conversationOf(first))?.queue?.name, LIVE).toBe('Invoices');
  const firstId = (await conversationOf(first))?.id as string;
  await expect.poll(async () => (await conversationOf(first))?.assignee?.id, LIVE).toBe(agent.userId);
  await myWork.row(firstId).waitFor({ timeout: LIVE.timeout });

  // The supervisor watches the dashboard from here on: it follows without reloads.
  const dashboard = new DashboardScreen(supervisorPage);
  await dashboard.open(parley.url);
  await expect.poll(() => dashboard.loadOf('Alice Agent'), LIVE).toBe('1/5');

  // Busy: the next matching message waits in the queue, unassigned.
  await aliceShell.setStatus('BUSY');
  await expect.poll(() => aliceShell.myStatus(), LIVE).toContain('Busy');
  const second = '385911000102';
  await customerWrites(second, 'I need a copy of my invoice please');
  await expect.poll(async () => (await conversationOf(second))?.queue?.name, LIVE).toBe('Invoices');
  const secondId = (await conversationOf(second))?.id as string;
  // Give the engine time to (wrongly) assign it before checking it did not.
  await new Promise((r) => setTimeout(r, 1500));
  expect((await conversationOf(second))?.assignee).toBeNull();
  expect(await myWork.row(secondId).count()).toBe(0);
  await expect.poll(() => dashboard.availabilityOf('Alice Agent'), LIVE).toBe('BUSY');
  await expect.poll(() => dashboard.waitingIn('Invoices'), LIVE).toBe('1');

  // Back to Active: the waiting conversation is pulled in and shows up in MY WORK.
  await aliceShell.setStatus('ACTIVE');
  await expect.poll(async () => (await conversationOf(second))?.assignee?.id, LIVE).toBe(agent.userId);
  await myWork.row(secondId).waitFor({ timeout: LIVE.timeout });
  await expect.poll(() => dashboard.availabilityOf('Alice Agent'), LIVE).toBe('ACTIVE');
  await expect.poll(() => dashboard.waitingIn('Invoices'), LIVE).toBe('0');
  await expect.poll(() => dashboard.loadOf('Alice Agent'), LIVE).toBe('2/5');
});
