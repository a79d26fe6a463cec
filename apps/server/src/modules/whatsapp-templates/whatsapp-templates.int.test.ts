import type { WhatsAppTemplateList, WhatsAppTemplateSyncList } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { type FakeInfobip, startFakeInfobip } from '../../channels/infobip/fake-provider.ts';
import { registryTemplate } from '../../channels/infobip/simulated-registry.ts';
import {
  createTestConnection,
  eventually,
  type TestConnection,
} from '../../channels/infobip/test-support.ts';
import { hashWebhookSecret } from '../../channels/webhook-secret.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

// D7 WhatsApp template registry synchronisation and its routes, against the fake Infobip.

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: TestConnection;
let supervisor: TestSession;
let admin: TestSession;
let agent: TestSession;

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  [supervisor, admin, agent] = await Promise.all([
    signedInUser(app, db, ['supervisor']),
    signedInUser(app, db, ['admin']),
    signedInUser(app, db, ['agent']),
  ]);
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const call = (
  method: 'GET' | 'POST',
  url: string,
  session: TestSession | null,
  payload?: Record<string, unknown>,
) => app.inject({ method, url, headers: session?.headers ?? {}, ...(payload !== undefined && { payload }) });

const templatesOf = async (sender: string, session = agent) => {
  const res = await call('GET', `/api/whatsapp-templates?sender=${sender}`, session);
  expect(res.statusCode).toBe(200);
  return (res.json() as WhatsAppTemplateList).items;
};

const syncNow = async (body: Record<string, unknown> = { connectionId: connection.id }) => {
  const res = await call('POST', '/api/whatsapp-templates/sync', supervisor, body);
  expect(res.statusCode).toBe(200);
  return (res.json() as WhatsAppTemplateSyncList).items.find((s) => s.connectionId === connection.id);
};

describe('WhatsApp template synchronisation', () => {
  it('reads a new connection’s registry on its own: the reference examples, approved', async () => {
    const items = await eventually(async () => {
      const listed = await templatesOf(connection.sender);
      return listed.length === 4 ? listed : undefined;
    }, 'the first synchronisation');
    expect(items.map((t) => [t.name, t.status, t.category])).toEqual([
      ['media_template', 'APPROVED', 'MARKETING'],
      ['media_template_with_buttons', 'APPROVED', 'MARKETING'],
      ['media_template_with_header', 'APPROVED', 'MARKETING'],
      ['text_template', 'APPROVED', 'MARKETING'],
    ]);
    expect(items[0]).toMatchObject({
      sender: connection.sender,
      header: { format: 'IMAGE' },
      body: 'example {{1}} body',
      footer: 'exampleFooter',
      placeholders: [
        { key: 'header.url', kind: 'URL' },
        { key: 'body.1', kind: 'TEXT' },
      ],
      unsupportedReason: null,
    });
    expect(fake.registryReads).toContain(connection.sender);
  });

  it('follows the registry on "Sync now": new states, new templates, removed ones gone, ids kept', async () => {
    await syncNow();
    const before = new Map((await templatesOf(connection.sender)).map((t) => [t.name, t.id]));
    fake.setTemplates(connection.sender, [
      registryTemplate({ id: '114', name: 'text_template', status: 'REJECTED' }),
      registryTemplate({
        id: '900',
        name: 'welcome',
        language: 'pt_BR',
        status: 'PENDING',
        category: 'UTILITY',
      }),
    ]);
    const sync = await syncNow();
    expect(sync).toMatchObject({ error: null, templateCount: 2, enabled: true });
    const after = await templatesOf(connection.sender);
    expect(after.map((t) => [t.name, t.language, t.status])).toEqual([
      ['text_template', 'en', 'REJECTED'],
      ['welcome', 'pt_BR', 'PENDING'],
    ]);
    expect(after[0]?.id).toBe(before.get('text_template'));
    const approved = await call(
      'GET',
      `/api/whatsapp-templates?sender=${connection.sender}&status=APPROVED`,
      agent,
    );
    expect(approved.json().items).toEqual([]);
  });

  it('records a failed synchronisation for the supervisor and keeps the templates it had', async () => {
    const before = await templatesOf(connection.sender);
    fake.failNextRegistryReads(1, 500);
    const sync = await syncNow();
    expect(sync?.error).toMatch(/\S/);
    expect(sync?.syncedAt).not.toBeNull();
    expect(await templatesOf(connection.sender)).toEqual(before);
    expect((await syncNow())?.error).toBeNull();
  });

  it('synchronises, once Parley listens, a line no event announced (as the demo seed makes them)', async () => {
    const sender = `4477${Math.floor(Math.random() * 1e8)}`;
    await ctx.db.orm.insert(channelConnections).values({
      id: crypto.randomUUID(),
      channel: 'WHATSAPP',
      provider: 'infobip',
      name: 'Seeded line',
      sender,
      settings: { baseUrl: fake.baseUrl, apiKey: fake.apiKey },
      webhookSecretHash: hashWebhookSecret(crypto.randomUUID()),
      enabled: true,
    });
    expect(fake.registryReads).not.toContain(sender);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const items = await eventually(async () => {
      const listed = await templatesOf(sender);
      return listed.length > 0 ? listed : undefined;
    }, 'the synchronisation at listen');
    expect(items.map((t) => t.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('synchronises every WhatsApp connection when none is named', async () => {
    const reads = fake.registryReads.length;
    await syncNow({});
    expect(fake.registryReads.length).toBeGreaterThan(reads);
  });
});

describe('WhatsApp template routes: access', () => {
  it('lets agents list templates; 401 without a session', async () => {
    expect((await call('GET', '/api/whatsapp-templates', null)).statusCode).toBe(401);
    expect((await call('GET', '/api/whatsapp-templates', agent)).statusCode).toBe(200);
    expect((await call('GET', '/api/whatsapp-templates', admin)).statusCode).toBe(403);
  });

  it('lets supervisors and admins see and run the synchronisation, not agents', async () => {
    for (const session of [supervisor, admin]) {
      expect((await call('GET', '/api/whatsapp-templates/syncs', session)).statusCode).toBe(200);
      expect((await call('POST', '/api/whatsapp-templates/sync', session, {})).statusCode).toBe(200);
    }
    expect((await call('GET', '/api/whatsapp-templates/syncs', agent)).statusCode).toBe(403);
    expect((await call('POST', '/api/whatsapp-templates/sync', agent, {})).statusCode).toBe(403);
    expect((await call('POST', '/api/whatsapp-templates/sync', null, {})).statusCode).toBe(401);
  });

  it('answers 400 to a malformed request', async () => {
    const res = await call('POST', '/api/whatsapp-templates/sync', supervisor, { connectionId: 'nope' });
    expect(res.statusCode).toBe(400);
    expect((await call('GET', '/api/whatsapp-templates?status=MAYBE', agent)).statusCode).toBe(400);
  });
});
