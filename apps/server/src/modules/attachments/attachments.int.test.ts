import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { createDesk } from '../conversations/test-fixtures.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { insertMessage } from '../messages/messages.repo.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';
import { findAttachmentMeta } from './attachments.repo.ts';
import { signedAttachmentUrl } from './attachments.service.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let agent: TestSession;
let otherAgent: TestSession;
let admin: TestSession;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp({ ATTACHMENT_MAX_MB: '0.01' }));
  agent = await signedInUser(app, db, ['agent']);
  otherAgent = await signedInUser(app, db, ['agent']);
  admin = await signedInUser(app, db, ['admin']);
});
afterAll(async () => {
  await app.close();
});

const upload = (session: TestSession | undefined, body: Buffer, type: string, fileName = 'photo.png') =>
  app.inject({
    method: 'POST',
    url: `/api/attachments?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...(session?.headers ?? {}), 'content-type': type },
    payload: body,
  });
const download = (id: string, session: TestSession) =>
  app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: session.headers });

describe('attachments', () => {
  it('refuses anonymous uploads (401) and users without the agent role (403)', async () => {
    expect((await upload(undefined, PNG, 'image/png')).statusCode).toBe(401);
    expect((await upload(admin, PNG, 'image/png')).statusCode).toBe(403);
  });

  it('refuses empty bodies (400), files above the limit (413) and types outside the allow-list (415)', async () => {
    expect((await upload(agent, Buffer.alloc(0), 'image/png')).statusCode).toBe(400);
    expect((await upload(agent, Buffer.alloc(20_000, 1), 'application/pdf')).statusCode).toBe(413);
    const script = await upload(agent, Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'image/png', 'evil.png');
    expect(script.statusCode).toBe(415);
    expect(script.json().error.code).toBe('unsupported_media_type');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/attachments',
          headers: { ...agent.headers, 'content-type': 'image/png' },
          payload: PNG,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('stores an upload with the sniffed type; the uploader may download it, other agents may not', async () => {
    const res = await upload(agent, PNG, 'application/octet-stream', '../../etc/box.png');
    expect(res.statusCode).toBe(201);
    const stored = res.json();
    expect(stored).toMatchObject({ fileName: 'box.png', mimeType: 'image/png', size: PNG.length });
    const mine = await download(stored.id, agent);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect(mine.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-disposition': expect.stringMatching(/^inline/),
    });
    expect((await download(stored.id, otherAgent)).statusCode).toBe(404);
    expect((await download(crypto.randomUUID(), agent)).statusCode).toBe(404);
  });

  it('lets agents who see the conversation download a file of its messages (D4)', async () => {
    const desk = await createDesk(db);
    const stored = (await upload(agent, PNG, 'image/png')).json();
    const inbound = desk.inbound({ content: { text: 'see photo' } });
    const ingested = await ingestInbound(desk.events, inbound);
    if (ingested.duplicate) throw new Error('duplicate');
    const { conversationId } = ingested;
    await insertMessage(db.orm, {
      conversationId,
      direction: 'OUTBOUND',
      channel: 'SMS',
      fromAddress: inbound.to,
      toAddress: inbound.from,
      authorKind: 'AGENT',
      authorUserId: (desk.supervisor as { userId: string }).userId,
      contentType: 'IMAGE',
      content: {
        attachments: [{ id: stored.id, fileName: 'photo.png', mimeType: 'image/png', size: PNG.length }],
      },
      deliveryState: 'SENT',
      clientId: null,
    });
    // A Default-queue conversation: every agent sees it, so the other agent may download now.
    expect((await download(stored.id, otherAgent)).statusCode).toBe(200);
  });

  it('serves signed public URLs until they expire, and refuses tampered ones (403)', async () => {
    const stored = (await upload(agent, PNG, 'image/png')).json();
    const meta = await findAttachmentMeta(db.orm, stored.id);
    if (!meta) throw new Error('not stored');
    const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
    const fresh = path(signedAttachmentUrl(ctx.config, meta, 60));
    const ok = await app.inject({ method: 'GET', url: fresh });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const expired = path(signedAttachmentUrl(ctx.config, meta, 60, Date.now() - 120_000));
    expect((await app.inject({ method: 'GET', url: expired })).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: fresh.replace(/signature=./, 'signature=x') })).statusCode,
    ).toBe(403);
    const other = (await upload(agent, PNG, 'image/png')).json();
    expect((await app.inject({ method: 'GET', url: fresh.replace(stored.id, other.id) })).statusCode).toBe(
      403,
    );
  });
});
