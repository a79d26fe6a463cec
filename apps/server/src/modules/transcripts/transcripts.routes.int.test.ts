import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { setConversationPriority } from '../conversations/conversations.service.ts';
import { createReadDesk } from '../conversations/read-test-desk.ts';
import { addNote, sendAgentMessage } from '../messages/messages.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import type { TestSession } from '../users/test-helpers.ts';
import { unzip } from './test-helpers.ts';
import { readTranscriptEntries } from './transcripts.repo.ts';
import { XLSX_COLUMNS } from './transcripts.writers.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
let apiKey: { authorization: string };
/** A conversation in the Default queue: customer message, note, supervisor reply, customer message. */
let talk: { id: string; number: number; address: string };

const someId = '00000000-0000-4000-8000-000000000000';
const BULK = '/api/conversations/transcripts';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

async function startTalk(text: string) {
  const address = desk.address();
  const { conversationId } = await desk.receive(address, text);
  const row = await findConversationById(db.orm, conversationId);
  return { id: conversationId, number: row?.number ?? 0, address };
}

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'transcripts test', null)).key}` };
  talk = await startTalk('Hello, my order #77 is late');
  const supervisor = { kind: 'supervisor', userId: desk.supervisor.user.id } as const;
  await setConversationPriority(ctx.events, supervisor, talk.id, 'HIGH');
  await addNote(ctx.events, supervisor, talk.id, 'VIP, handle with care');
  await sendAgentMessage(ctx.events, supervisor, talk.id, {
    contentType: 'TEXT',
    content: { text: 'Sorry!\nChecking now.' },
  });
  await desk.assign(talk.id, desk.member.user.id);
  await desk.receive(talk.address, 'Thanks');
});
afterAll(async () => {
  await app.close();
});

const download = async (session: TestSession, url: string, payload?: object) => {
  const res = payload ? await desk.post(session, url, payload) : await desk.get(session, url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  return { files: await unzip(res.rawPayload), disposition: String(res.headers['content-disposition']) };
};

describe('transcripts: access and validation', () => {
  it('refuse anonymous callers (401) and API keys (403)', async () => {
    const url = `/api/conversations/${talk.id}/transcript`;
    const payload = { ids: [talk.id] };
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: BULK, payload })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url, headers: apiKey })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: BULK, payload, headers: apiKey })).statusCode).toBe(403);
  });

  it('refuse internal notes to agents (403)', async () => {
    const single = await desk.get(desk.member, `/api/conversations/${talk.id}/transcript?notes=true`);
    expect([single.statusCode, errorCode(single)]).toEqual([403, 'forbidden']);
    const bulk = await desk.post(desk.member, BULK, { ids: [talk.id], notes: true });
    expect([bulk.statusCode, errorCode(bulk)]).toEqual([403, 'forbidden']);
  });

  it('answer 400 to bad queries and bodies, 404 to unknown or invisible conversations', async () => {
    for (const query of ['format=pdf', 'notes=perhaps']) {
      const res = await desk.get(desk.member, `/api/conversations/${talk.id}/transcript?${query}`);
      expect([res.statusCode, errorCode(res)], query).toEqual([400, 'validation_failed']);
    }
    const tooMany = Array.from({ length: 101 }, () => crypto.randomUUID());
    for (const payload of [
      {},
      { ids: [] },
      { ids: tooMany },
      { ids: ['x'] },
      { ids: [talk.id], format: 'csv' },
    ]) {
      const res = await desk.post(desk.member, BULK, payload);
      expect([res.statusCode, errorCode(res)], JSON.stringify(payload).slice(0, 60)).toEqual([
        400,
        'validation_failed',
      ]);
    }
    const inSales = await startTalk('secret');
    await desk.moveToSales(inSales.id);
    const invisible = await desk.get(desk.outsider, `/api/conversations/${inSales.id}/transcript`);
    expect([invisible.statusCode, errorCode(invisible)]).toEqual([404, 'not_found']);
    const unknown = await desk.post(desk.member, BULK, { ids: [talk.id, someId] });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'not_found']);
  });
});

describe('transcript contents', () => {
  it('.txt: header then every message with time, author, direction and channel; no notes for agents', async () => {
    const { files, disposition } = await download(desk.member, `/api/conversations/${talk.id}/transcript`);
    expect(disposition).toBe(`attachment; filename="conversation-${talk.number}-transcript.zip"`);
    expect([...files.keys()]).toEqual([`conversation-${talk.number}.txt`]);
    const text = files.get(`conversation-${talk.number}.txt`)?.toString('utf8') ?? '';
    const lines = text.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      `Conversation: #${talk.number} Talking with ${talk.address}`,
      'Channel: SMS',
      'Priority: HIGH',
      'Queue: Default',
      'Status: OPEN',
      expect.stringMatching(/^Created: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
      `Customer: ${talk.address}`,
      `Agent: ${desk.member.user.displayName}`,
    ]);
    const messageHeads = lines.filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}/.test(l));
    expect(messageHeads.map((l) => l.replace(/^.{23} {2}/, ''))).toEqual([
      `${talk.address}  Inbound · SMS`,
      `${desk.supervisor.user.displayName}  Outbound · SMS`,
      `${talk.address}  Inbound · SMS`,
    ]);
    expect(text).toContain('  Hello, my order #77 is late\n');
    expect(text).toContain('  Sorry!\n  Checking now.\n');
    expect(text).not.toContain('VIP, handle with care');
  });

  it('.txt with notes for a supervisor who asks', async () => {
    const { files } = await download(desk.supervisor, `/api/conversations/${talk.id}/transcript?notes=true`);
    const text = files.get(`conversation-${talk.number}.txt`)?.toString('utf8') ?? '';
    expect(text).toMatch(
      new RegExp(
        `UTC {2}${desk.supervisor.user.displayName} {2}Internal note\\n {2}VIP, handle with care\\n`,
      ),
    );
  });

  it('bulk .xlsx of 3 conversations: one workbook each, header and message cells', async () => {
    const others = [await startTalk('second customer'), await startTalk('third customer')];
    const { files, disposition } = await download(desk.supervisor, BULK, {
      ids: [talk.id, ...others.map((o) => o.id)],
      format: 'xlsx',
      notes: true,
    });
    expect(disposition).toMatch(/^attachment; filename="transcripts-\d{8}-\d{6}\.zip"$/);
    expect([...files.keys()].sort()).toEqual(
      [talk, ...others].map((c) => `conversation-${c.number}.xlsx`).sort(),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.get(`conversation-${talk.number}.xlsx`) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Transcript');
    if (!sheet) throw new Error('no Transcript sheet');
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Conversation', `#${talk.number} Talking with ${talk.address}`]);
    expect(values(2)).toEqual(['Channel', 'SMS']);
    expect(values(3)).toEqual(['Priority', 'HIGH']);
    expect(values(4)).toEqual(['Queue', 'Default']);
    expect(values(8)).toEqual(['Agent', desk.member.user.displayName]);
    expect(values(10)).toEqual([...XLSX_COLUMNS]);
    const rows = [11, 12, 13, 14].map(values);
    expect(rows.map((r) => r.slice(1))).toEqual([
      [talk.address, 'Inbound', 'SMS', 'Hello, my order #77 is late'],
      [desk.supervisor.user.displayName, 'Internal note', undefined, 'VIP, handle with care'],
      [desk.supervisor.user.displayName, 'Outbound', 'SMS', 'Sorry!\nChecking now.'],
      [talk.address, 'Inbound', 'SMS', 'Thanks'],
    ]);
    for (const r of rows) expect(r[0]).toBeInstanceOf(Date);
    const [second] = others;
    if (!second) throw new Error('no second conversation');
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(files.get(`conversation-${second.number}.xlsx`) as unknown as ArrayBuffer);
    const otherRow = other.getWorksheet('Transcript')?.getRow(11).values as unknown[];
    expect(otherRow.slice(2)).toEqual([second.address, 'Inbound', 'SMS', 'second customer']);
  });

  it('bulk by filter resolves the matching conversations on the server', async () => {
    const marker = `tmark${crypto.randomUUID().slice(0, 6)}`;
    const matching = [await startTalk(`${marker} one`), await startTalk(`${marker} two`)];
    const { files } = await download(desk.member, BULK, { filter: { view: 'all', q: marker } });
    expect([...files.keys()].sort()).toEqual(matching.map((c) => `conversation-${c.number}.txt`).sort());
  });

  it('reads a long conversation in keyset batches, in order, without gaps', async () => {
    const long = await startTalk('m0');
    const supervisor = { kind: 'supervisor', userId: desk.supervisor.user.id } as const;
    for (let i = 1; i <= 6; i++) {
      if (i % 2) await addNote(ctx.events, supervisor, long.id, `n${i}`);
      else await desk.receive(long.address, `m${i}`);
    }
    const texts: string[] = [];
    for await (const e of readTranscriptEntries(db.orm, long.id, true, 2))
      texts.push(e.noteText ?? e.content?.text ?? '');
    expect(texts).toEqual(['m0', 'n1', 'm2', 'n3', 'm4', 'n5', 'm6']);
  });
});
