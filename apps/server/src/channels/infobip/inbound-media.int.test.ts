import type { MessageContentBody } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { signedInUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { incomingMediaPayload } from './fake-events.ts';
import { type FakeInfobip, startFakeInfobip } from './fake-provider.ts';
import { createTestConnection, eventually, postWebhook, type TestConnection } from './test-support.ts';

// A customer's media arrives as a URL only Infobip's API key opens; Parley stores the file.

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: TestConnection;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

type Content = z.infer<typeof MessageContentBody>;

const contentOf = async (providerMessageId: string) =>
  (
    await db.pool.query<{ id: string; content: Content }>(
      'select id, content from messages where provider_message_id = $1',
      [providerMessageId],
    )
  ).rows[0];

describe('inbound media', () => {
  it('fetches the file with the API key into the attachment store, and agents download it from Parley', async () => {
    const url = fake.serveMedia(`/whatsapp/1/senders/${connection.sender}/media/abc123`, {
      bytes: PDF,
      type: 'application/pdf',
    });
    const messageId = crypto.randomUUID();
    const res = await postWebhook(
      app,
      connection,
      incomingMediaPayload({
        from: '385911000222',
        to: connection.sender,
        type: 'DOCUMENT',
        url,
        caption: 'Invoice',
        messageId,
      }),
    );
    expect(res.statusCode).toBe(200);
    const stored = await eventually(async () => {
      const row = await contentOf(messageId);
      return row?.content.attachments ? row : undefined;
    }, 'the stored media');
    expect(stored.content).toEqual({
      caption: 'Invoice',
      attachments: [
        { id: expect.any(String), fileName: 'abc123', mimeType: 'application/pdf', size: PDF.length },
      ],
    });
    expect(fake.mediaReads).toEqual([
      { path: `/whatsapp/1/senders/${connection.sender}/media/abc123`, authorized: true },
    ]);
    const supervisor = await signedInUser(app, db, ['supervisor']);
    const download = await app.inject({
      method: 'GET',
      url: `/api/attachments/${stored.content.attachments?.[0]?.id}`,
      headers: supervisor.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps the provider URL when the file is gone, and the message is there all along', async () => {
    const url = `${fake.baseUrl}/whatsapp/1/senders/${connection.sender}/media/missing`;
    const messageId = crypto.randomUUID();
    await postWebhook(
      app,
      connection,
      incomingMediaPayload({ from: '385911000333', to: connection.sender, type: 'IMAGE', url, messageId }),
    );
    const row = await eventually(() => contentOf(messageId), 'the message');
    expect(row.content).toEqual({ url });
    await eventually(
      async () => fake.mediaReads.find((r) => r.path.endsWith('/missing')),
      'the download attempt',
    );
    expect((await contentOf(messageId))?.content).toEqual({ url });
  });
});
