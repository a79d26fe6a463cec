import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { unzip } from '../apps/server/src/modules/transcripts/test-helpers.ts';
import { AllWorkPage } from './pages/all-work.ts';
import { type ApiSession, expectStatus, waitUntil } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectWhatsApp,
  createUser as createDeskUser,
  createFirstAdmin,
  signedInPage as openSignedIn,
  customerWrites as writeAsCustomer,
} from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// The ALL WORK journeys of issue 5: saved views shared and private, bulk reassign of a mixed
// selection, bulk status of "all matching" beyond the first page, and a bulk transcript download.

const PASSWORD = 'a long enough password';
const SENDER = '447700900555';
// Generous: the journeys share two cores with other work, and a slow moment must not fail them.
const LIVE = { timeout: 30_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let webhook: { url: string; authorization: string };
let supervisor: ApiSession;
let alice: ApiSession;
let bob: ApiSession;
let carol: ApiSession;

interface Row {
  id: string;
  number: number;
  topic: string;
  status: string;
  assignee: { id: string } | null;
  customer: { name: string | null; address: string | null };
}

const signedInPage = (email: string) => openSignedIn(browser, parley.url, email, PASSWORD);

/** Conversations whose messages mention `keyword`, as the supervisor sees them (newest first). */
async function conversationsAbout(keyword: string, view = 'all'): Promise<Row[]> {
  const { body } = await supervisor.request<{ items: Row[] }>(
    'GET',
    `/api/conversations?view=${view}&q=${keyword}&sort=requested&direction=asc&limit=100`,
  );
  return body.items;
}

/** One customer per number writes a message mentioning `keyword`; waits until every conversation exists. */
async function customersWrite(keyword: string, count: number, firstNumber: number): Promise<Row[]> {
  for (let i = 0; i < count; i++) {
    await writeAsCustomer(fake, webhook, {
      from: String(firstNumber + i),
      to: SENDER,
      text: `Hello, question ${i + 1} about ${keyword}`,
    });
  }
  return waitUntil(
    async () => {
      const rows = await conversationsAbout(keyword);
      return rows.length === count ? rows : undefined;
    },
    `${count} conversations about ${keyword}`,
    30_000,
  );
}

const assign = (id: string, userId: string) =>
  expectStatus(supervisor.request('POST', `/api/conversations/${id}/assign`, { userId }), 200, 'assign');

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  const user = (email: string, displayName: string, roles: string[]) =>
    createDeskUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });
  supervisor = await user('sam@example.com', 'Sam Supervisor', ['supervisor']);
  alice = await user('alice@example.com', 'Alice Agent', ['agent']);
  bob = await user('bob@example.com', 'Bob Agent', ['agent']);
  carol = await user('carol@example.com', 'Carol Agent', ['agent']);
  webhook = await connectWhatsApp(admin, fake, SENDER);
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await fake?.close();
});

test('a supervisor’s global view reaches agents; an agent’s private view stays theirs', {
  timeout: 180_000,
}, async () => {
  const [urgentA, urgentB] = await customersWrite('roaming', 3, 385911100001);
  for (const row of [urgentA, urgentB] as Row[]) {
    await expectStatus(
      supervisor.request('PATCH', `/api/conversations/${row.id}`, { priority: 'URGENT' }),
      200,
      'make urgent',
    );
  }

  // The supervisor builds the filter (a quick filter and the tray) and saves it for everyone.
  const samPage = await signedInPage('sam@example.com');
  const sam = new AllWorkPage(samPage);
  await sam.open(parley.url);
  await sam.quickPriority('URGENT');
  await sam.openTray();
  await sam.trayPick('channels', 'WhatsApp');
  await sam.closeTray();
  await expect.poll(() => sam.chips(), LIVE).toEqual(['Channel: WhatsApp', 'Priority: Urgent']);
  await expect.poll(() => sam.rowIds(), LIVE).toEqual(expect.arrayContaining([urgentA?.id, urgentB?.id]));
  expect(await sam.rows().count()).toBe(2);
  await sam.createView('Urgent WhatsApp', 'Global (everyone)');
  await expect.poll(() => sam.title(), LIVE).toBe('Urgent WhatsApp');
  expect(sam.url().searchParams.get('priority')).toBe('URGENT');
  expect(await sam.isGlobal('Urgent WhatsApp')).toBe(true);
  await expect.poll(() => sam.sidebarCount('Urgent WhatsApp'), LIVE).toBe('2');

  // Alice sees the global view and opens it.
  const alicePage = await signedInPage('alice@example.com');
  const aliceWork = new AllWorkPage(alicePage);
  await aliceWork.open(parley.url);
  await aliceWork.entry('Urgent WhatsApp').waitFor();
  expect(await aliceWork.isGlobal('Urgent WhatsApp')).toBe(true);
  await aliceWork.openEntry('Urgent WhatsApp');
  await expect.poll(() => aliceWork.rowIds(), LIVE).toHaveLength(2);
  await expect.poll(() => aliceWork.chips(), LIVE).toEqual(['Channel: WhatsApp', 'Priority: Urgent']);

  // Alice saves a private view of her own (agents make private views only).
  await aliceWork.open(parley.url, 'view=unassigned&q=roaming');
  await aliceWork.createView('My roaming');
  await expect.poll(() => aliceWork.viewNames(), LIVE).toEqual(['Urgent WhatsApp', 'My roaming']);
  const privateLink = alicePage.url();

  // Bob sees the global view but not Alice's, not even through her link.
  const bobPage = await signedInPage('bob@example.com');
  const bobWork = new AllWorkPage(bobPage);
  await bobWork.open(parley.url);
  await bobWork.entry('Urgent WhatsApp').waitFor();
  expect(await bobWork.viewNames()).toEqual(['Urgent WhatsApp']);
  await bobPage.goto(privateLink);
  await bobWork.settled();
  await expect.poll(() => bobWork.title(), LIVE).toBe('Unassigned');
  const { body } = await bob.request<{ items: { name: string }[] }>('GET', '/api/views');
  expect(body.items.map((v) => v.name)).toEqual(['Urgent WhatsApp']);
  await Promise.all([samPage.context().close(), alicePage.context().close(), bobPage.context().close()]);
});

test('bulk reassign of a mixed selection changes what D3 allows and lists the refusals', {
  timeout: 120_000,
}, async () => {
  const [ownA, ownB, bobs, unassigned] = (await customersWrite('handover', 4, 385911200001)) as Row[];
  await assign(ownA?.id as string, alice.userId);
  await assign(ownB?.id as string, alice.userId);
  await assign(bobs?.id as string, bob.userId);

  const page = await signedInPage('alice@example.com');
  const work = new AllWorkPage(page);
  await work.open(parley.url, 'view=all&q=handover');
  await expect.poll(() => work.rows().count(), LIVE).toBe(4);
  const ids = [ownA, ownB, bobs, unassigned].map((r) => r?.id as string);
  await work.select(ids);
  expect(await work.selectionText()).toBe('4 selected');
  await work.reassignTo('Carol Agent');

  await work.result().waitFor();
  expect(await work.changedCount()).toBe(2);
  const refusals = await work.refusals();
  expect(refusals.map((r) => [r.number, r.code])).toEqual(
    [bobs, unassigned]
      .map((r) => [String(r?.number), 'assignment_forbidden'])
      .sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  expect(refusals.find((r) => r.number === String(bobs?.number))?.text).toContain(
    'assigned to another agent',
  );
  expect(refusals.find((r) => r.number === String(unassigned?.number))?.text).toContain(
    'unassigned conversation to themselves',
  );

  // The server did exactly that, and the list shows it.
  const after = new Map((await conversationsAbout('handover')).map((r) => [r.id, r.assignee?.id ?? null]));
  expect([...ids.map((id) => after.get(id))]).toEqual([carol.userId, carol.userId, bob.userId, null]);
  await expect.poll(() => work.agentOf(ownA?.id as string), LIVE).toBe('Carol Agent');
  await page.context().close();
});

test('bulk close of "all matching" closes every matching conversation, beyond the loaded page', {
  timeout: 180_000,
}, async () => {
  // One more than a page of the list (50).
  const rows = await customersWrite('bulkclose', 55, 385911300001);
  const page = await signedInPage('sam@example.com');
  const work = new AllWorkPage(page);
  await work.open(parley.url, 'view=all&q=bulkclose');
  await expect.poll(() => work.total(), LIVE).toBe('55');
  await work.selectLoaded();
  expect(await work.selectionText()).toBe('50 selected');
  await work.selectAllMatching();
  expect(await work.selectionText()).toBe('All 55 matching selected');
  await work.setStatus('Closed');

  await work.result().waitFor();
  expect(await work.changedCount()).toBe(55);
  const closed = await conversationsAbout('bulkclose', 'history');
  expect(closed.map((r) => r.status)).toEqual(rows.map(() => 'CLOSED'));
  expect(await conversationsAbout('bulkclose')).toEqual([]);
  await work.settled();
  await expect.poll(() => work.rows().count(), LIVE).toBe(0);
  await page.context().close();
});

test('bulk download of 3 conversations gives a .zip of .txt or .xlsx transcripts', {
  timeout: 120_000,
}, async () => {
  const rows = await customersWrite('transcriptcase', 3, 385911400001);
  // The customer who asked question 1: one inbound chunk may create all three in the same instant,
  // so the list's order between them is not the order they wrote in.
  const first = rows.find((r) => r.customer.address === '385911400001');
  await expectStatus(
    supervisor.request('POST', `/api/conversations/${first?.id}/notes`, { text: 'Checked the contract' }),
    201,
    'note',
  );
  const page = await signedInPage('sam@example.com');
  const work = new AllWorkPage(page);
  await work.open(parley.url, 'view=all&q=transcriptcase&sort=requested&direction=asc');
  await expect.poll(() => work.rows().count(), LIVE).toBe(3);
  const names = rows.map((r) => `conversation-${r.number}`).sort();

  await work.select(rows.map((r) => r.id));
  const txtZip = await unzip(await work.download('txt', true));
  expect([...txtZip.keys()].sort()).toEqual(names.map((n) => `${n}.txt`));
  const text = txtZip.get(`conversation-${first?.number}.txt`)?.toString('utf8') ?? '';
  expect(text).toContain(`Conversation: #${first?.number}`);
  expect(text).toContain('Channel: WHATSAPP');
  expect(text).toContain('Priority: NORMAL');
  const customer = first?.customer.name
    ? `${first.customer.name} (${first.customer.address})`
    : first?.customer.address;
  expect(text).toContain(`Customer: ${customer}`);
  expect(text).toMatch(/Inbound · WHATSAPP\n {2}Hello, question 1 about transcriptcase/);
  expect(text).toMatch(/Sam Supervisor {2}Internal note\n {2}Checked the contract/);

  // The selection stays after a download: the same three as workbooks, without notes this time.
  const xlsxZip = await unzip(await work.download('xlsx'));
  expect([...xlsxZip.keys()].sort()).toEqual(names.map((n) => `${n}.xlsx`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsxZip.get(`conversation-${first?.number}.xlsx`) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Transcript') as ExcelJS.Worksheet;
  const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  expect(cells(1)).toEqual(['Conversation', `#${first?.number} ${first?.topic}`]);
  expect(cells(2)).toEqual(['Channel', 'WHATSAPP']);
  expect(cells(10)).toEqual(['Time (UTC)', 'Author', 'Direction', 'Channel', 'Message']);
  const message = cells(11);
  expect(message[0]).toBeInstanceOf(Date);
  expect(message.slice(2)).toEqual(['Inbound', 'WHATSAPP', 'Hello, question 1 about transcriptcase']);
  expect(sheet.rowCount).toBe(11);
  await page.context().close();
});
