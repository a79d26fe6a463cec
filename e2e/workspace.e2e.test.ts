import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { ConversationView } from './pages/conversation.ts';
import { MyWorkPage } from './pages/my-work.ts';
import { type ApiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectWhatsApp,
  createUser as createDeskUser,
  createFirstAdmin,
  signedInPage as openSignedIn,
  sentTexts as sentTextsOf,
  customerWrites as writeAsCustomer,
} from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// The agent workspace journey of issue 4: live MY WORK, replying, status, unread, reassignment
// and D3's refusal, across three people's browsers, with customer traffic through the real
// Infobip webhook and replies going to a fake Infobip in this process.

const PASSWORD = 'a long enough password';
const SENDER = '447700900123';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let webhook: { url: string; authorization: string };
let supervisor: ApiSession;
let agentA: ApiSession;
let agentB: ApiSession;
let queueId: string;

interface ListItem {
  id: string;
  customer: { address: string | null };
}

const createUser = (admin: ApiSession, email: string, displayName: string, roles: string[]) =>
  createDeskUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });

const customerWrites = (from: string, text: string) =>
  writeAsCustomer(fake, webhook, { from, to: SENDER, text });

/** Waits until the customer's conversation exists and returns its id. */
async function conversationOf(customer: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const { body } = await supervisor.request<{ items: ListItem[] }>('GET', '/api/conversations?limit=100');
      id = body.items.find((c) => c.customer.address === customer)?.id;
      return id;
    }, LIVE)
    .toBeDefined();
  return id as string;
}

/** A conversation of agent A in the Support queue, started by `customer`. */
async function conversationOfA(customer: string, text: string): Promise<string> {
  await customerWrites(customer, text);
  const id = await conversationOf(customer);
  await expectStatus(supervisor.request('PUT', `/api/conversations/${id}/queue`, { queueId }), 200, 'queue');
  await expectStatus(
    supervisor.request('POST', `/api/conversations/${id}/assign`, { userId: agentA.userId }),
    200,
    'assign to A',
  );
  return id;
}

const signedInPage = (email: string) => openSignedIn(browser, parley.url, email, PASSWORD);

const sentTexts = () => sentTextsOf(fake);

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  supervisor = await createUser(admin, 'sam@example.com', 'Sam Supervisor', ['supervisor', 'agent']);
  agentA = await createUser(admin, 'alice@example.com', 'Alice Agent', ['agent']);
  agentB = await createUser(admin, 'bob@example.com', 'Bob Agent', ['agent']);
  webhook = await connectWhatsApp(admin, fake, SENDER);
  ({ id: queueId } = await expectStatus(
    supervisor.request<{ id: string }>('POST', '/api/queues', { name: 'Support' }),
    201,
    'create the queue',
  ));
  await expectStatus(
    supervisor.request('PUT', `/api/queues/${queueId}/members`, { userIds: [agentA.userId, agentB.userId] }),
    200,
    'queue members',
  );
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await fake?.close();
});

test('MY WORK lives: follow-up, reply, solve, reopen, unread, reassignment, and D3 refusal', {
  timeout: 240_000,
}, async () => {
  // A's WAITING conversation: answered, then put on WAITING.
  const customer = '385911000001';
  const id = await conversationOfA(customer, 'Hi, my router keeps dropping the connection.');
  await expectStatus(
    agentA.request('POST', `/api/conversations/${id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Could you restart it and tell me if the light turns green?',
    }),
    201,
    'first reply',
  );
  // As opening it in the browser would: A has read what the customer wrote so far.
  await expectStatus(agentA.request('POST', `/api/conversations/${id}/read`), 200, 'read');
  await expectStatus(
    agentA.request('PATCH', `/api/conversations/${id}`, { status: 'WAITING' }),
    200,
    'WAITING',
  );
  // A newer conversation of A, so the follow-up must move the first one above it.
  const other = await conversationOfA('385911000002', 'Can I change my plan?');

  const pageA = await signedInPage('alice@example.com');
  const myWorkA = new MyWorkPage(pageA);
  await myWorkA.open(parley.url);
  await expect.poll(() => myWorkA.statusOf(id), LIVE).toBe('WAITING');
  await expect.poll(() => myWorkA.topConversationId(), LIVE).toBe(other);

  // The customer follows up: on top, OPEN, bold with a count — without reload.
  await customerWrites(customer, 'Restarted it, the light is still orange.');
  await expect.poll(() => myWorkA.topConversationId(), LIVE).toBe(id);
  await expect.poll(() => myWorkA.statusOf(id), LIVE).toBe('OPEN');
  await expect.poll(() => myWorkA.unreadOf(id), LIVE).toBe(1);
  expect(await myWorkA.unreadBadgeOf(id)).toBe('1');
  expect(await myWorkA.boldnessOf(id)).toBeGreaterThanOrEqual(700);

  // A opens it (read: the count goes) and replies; the provider receives the reply.
  await myWorkA.openConversation(id);
  const viewA = new ConversationView(pageA);
  await viewA.waitFor(id);
  await expect.poll(() => myWorkA.unreadOf(id), LIVE).toBe(0);
  await viewA.reply('Thanks, I am sending a replacement router today.');
  await expect.poll(sentTexts, LIVE).toContain('Thanks, I am sending a replacement router today.');

  // SOLVED, then the customer writes again and it reopens.
  await viewA.setStatus('SOLVED');
  await expect.poll(() => viewA.status(), LIVE).toBe('SOLVED');
  await expect.poll(() => myWorkA.statusOf(id), LIVE).toBe('SOLVED');
  await customerWrites(customer, 'One more question: do I send the old one back?');
  await expect.poll(() => viewA.status(), LIVE).toBe('OPEN');
  await expect.poll(() => myWorkA.statusOf(id), LIVE).toBe('OPEN');
  await expect.poll(() => viewA.inboundMessages().count(), LIVE).toBe(3);
  // A is looking at it, so the new message is read at once.
  await expect.poll(() => myWorkA.unreadOf(id), LIVE).toBe(0);

  // Mark the newest customer message unread: the count comes back.
  await viewA.markUnread(viewA.inboundMessages().last());
  await expect.poll(() => myWorkA.unreadOf(id), LIVE).toBe(1);
  expect(await myWorkA.unreadBadgeOf(id)).toBe('1');

  // B watches their MY WORK; the supervisor reassigns the conversation to B in another browser.
  const pageB = await signedInPage('bob@example.com');
  const myWorkB = new MyWorkPage(pageB);
  await myWorkB.open(parley.url);
  expect(await myWorkB.isListed(id)).toBe(false);
  const pageS = await signedInPage('sam@example.com');
  const viewS = new ConversationView(pageS);
  await viewS.open(parley.url, id);
  await viewS.pickAssignee(agentB.userId);
  await expect.poll(() => myWorkA.isListed(id), LIVE).toBe(false);
  await expect.poll(() => myWorkB.isListed(id), LIVE).toBe(true);

  // A cannot take B's conversation: the choice is disabled with the reason, and the API refuses.
  const viewA2 = new ConversationView(pageA);
  await viewA2.open(parley.url, id);
  await viewA2.openAssignee();
  const mine = viewA2.assigneeOption(agentA.userId);
  await expect.poll(() => mine.getAttribute('data-disabled'), LIVE).toBe('true');
  expect(await mine.textContent()).toMatch(/Bob Agent/);
  const refused = await agentA.request<{ error: { code: string } }>(
    'POST',
    `/api/conversations/${id}/assign-to-me`,
  );
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('assignment_forbidden');
});
