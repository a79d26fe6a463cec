import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hashWebhookSecret } from '../webhook-secret.ts';
import { incomingTextPayload } from './fake-events.ts';
import { startFakeInfobip } from './fake-provider.ts';
import { mapWebhookPayload } from './mapper.ts';
import {
  isWebhookAuthentic,
  readWebhookCredentials,
  reportPassword,
  webhookAccess,
  webhookAuthorization,
} from './verify.ts';

/** What the admin configured at Infobip (the secret) and what Parley stored (its hash). */
const connection = { id: '7b0c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10', webhookSecret: 's3cret:with-colon' };
const stored = { id: connection.id, webhookSecretHash: hashWebhookSecret(connection.webhookSecret) };

describe('webhook authenticity (HTTP Basic: connection id and webhook secret)', () => {
  it('accepts the credentials configured for the connection', () => {
    const header = webhookAuthorization(connection);
    expect(isWebhookAuthentic(header, stored)).toBe(true);
    expect(webhookAccess(header, stored)).toBe('all');
    expect(readWebhookCredentials(header)).toEqual({
      connectionId: connection.id,
      secret: connection.webhookSecret,
    });
  });

  it.each([
    ['no header', undefined],
    ['another secret', webhookAuthorization({ ...connection, webhookSecret: 'guess' })],
    [
      'another connection',
      webhookAuthorization({ ...connection, id: 'c0ffee00-0000-4000-8000-000000000000' }),
    ],
    ['a bearer token', `Bearer ${connection.webhookSecret}`],
    ['an API key', 'App 003026bbc133714df1834b8638bb496e'],
    ['Basic without a colon', `Basic ${Buffer.from('just-a-user').toString('base64')}`],
    [
      'the stored hash as the password',
      webhookAuthorization({ ...connection, webhookSecret: stored.webhookSecretHash }),
    ],
  ])('refuses %s', (_case, header) => {
    expect(isWebhookAuthentic(header, stored)).toBe(false);
    expect(webhookAccess(header, stored)).toBeUndefined();
  });

  it('refuses everything while the connection has no secret hash', () => {
    const open = { id: connection.id, webhookSecretHash: '' };
    expect(webhookAccess(webhookAuthorization({ id: open.id, webhookSecret: '' }), open)).toBeUndefined();
    expect(webhookAccess(webhookAuthorization(connection), open)).toBeUndefined();
  });

  it('grants the report password reports only, and only for its own connection', () => {
    const report = webhookAuthorization({ id: connection.id, webhookSecret: reportPassword(stored) });
    expect(webhookAccess(report, stored)).toBe('reports');
    expect(isWebhookAuthentic(report, stored)).toBe(false);
    const other = { id: 'c0ffee00-0000-4000-8000-000000000000', webhookSecretHash: stored.webhookSecretHash };
    expect(reportPassword(other)).not.toBe(reportPassword(stored));
    // A new secret (rotation) changes the report password too.
    const rotated = { id: connection.id, webhookSecretHash: hashWebhookSecret('new secret') };
    expect(webhookAccess(report, rotated)).toBeUndefined();
  });
});

describe('fake Infobip posting to a webhook', () => {
  it('delivers an incoming message with the configured credentials', async () => {
    const calls: Array<{ authorization: string | undefined; body: string }> = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        calls.push({ authorization: request.headers.authorization, body });
        response.writeHead(isWebhookAuthentic(request.headers.authorization, stored) ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/infobip/messages`;
    const fake = await startFakeInfobip();
    try {
      const payload = incomingTextPayload({ from: '385911', to: '385100', text: 'Hi', messageId: 'mo-1' });
      expect(await fake.postToWebhook(url, payload, webhookAuthorization(connection))).toEqual({
        status: 200,
        body: '',
      });
      expect(await fake.postToWebhook(url, payload)).toMatchObject({ status: 401 });
      const delivered = mapWebhookPayload(connection.id, JSON.parse(calls[0]?.body ?? 'null'));
      expect(delivered.messages).toMatchObject([
        { providerMessageId: 'mo-1', from: '385911', content: { text: 'Hi' } },
      ]);
    } finally {
      await fake.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
