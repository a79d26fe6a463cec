import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestSender } from '../../modules/conversations/test-fixtures.ts';
import { createTag } from '../../modules/tags/tags.service.ts';
import { createTemplate } from '../../modules/templates/templates.service.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from '../test-support.ts';
import { insertTestWhatsAppTemplate } from './test-support.ts';

const LIST = '/ccaas/1/templates';
const ONE = '/ccaas/1/templates/{templateId}';
const WHATSAPP_SENDER = '447860000111';

let h: CcaasHarness;
let ids: { greeting: string; refund: string; spanish: string; whatsapp: string; rejected: string };

const listIds = async (query: string) => {
  const res = await h.call('GET', `${LIST}${query}`, LIST);
  expect(res.status).toBe(200);
  return res.body.templates.map((t: { id: string }) => t.id);
};

beforeAll(async () => {
  h = await ccaasHarness();
  const { events } = h.ctx;
  const greetingTag = await createTag(events, { name: 'Greetings', kind: 'template' });
  const greeting = await createTemplate(events, {
    name: 'Welcome',
    text: 'Hi {{customer.firstName}}!',
    language: 'en',
    channel: null,
    tagIds: [greetingTag.id],
  });
  const refund = await createTemplate(events, {
    name: 'Refund issued',
    text: 'Your refund is on its way.',
    language: 'en_GB',
    channel: 'SMS',
    tagIds: [],
  });
  const spanish = await createTemplate(events, {
    name: 'Bienvenida',
    text: '¡Hola!',
    language: 'es_MX',
    channel: 'WHATSAPP',
    tagIds: [],
  });
  await connectTestSender(h.db, 'WHATSAPP', WHATSAPP_SENDER);
  const whatsapp = await insertTestWhatsAppTemplate(h.db, WHATSAPP_SENDER);
  const rejected = await insertTestWhatsAppTemplate(h.db, WHATSAPP_SENDER, {
    name: 'promo',
    language: 'es_MX',
    category: 'MARKETING',
    status: 'REJECTED',
    body: 'Oferta {{1}}',
    header: null,
  });
  ids = { greeting: greeting.id, refund: refund.id, spanish: spanish.id, whatsapp, rejected };
  // Distinct, known times: created in this order a day apart, the Spanish one updated last.
  const order = [greeting.id, refund.id, spanish.id, whatsapp, rejected];
  for (const [i, id] of order.entries()) {
    const at = new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
    for (const table of ['templates', 'whatsapp_templates']) {
      await h.db.pool.query(`update ${table} set created_at = $2, updated_at = $2 where id = $1`, [id, at]);
    }
  }
  await h.db.pool.query(`update templates set updated_at = '2024-02-01T00:00:00Z' where id = $1`, [
    spanish.id,
  ]);
  return () => h.app.close();
});

describe('GET /ccaas/1/templates', () => {
  it('lists both kinds, newest first, with the reference shape', async () => {
    const res = await h.call('GET', LIST, LIST);
    expect(res.body.pagination).toEqual({
      totalItems: 5,
      page: 0,
      limit: 10,
      orderBy: 'createdAt:DESC,id:ASC',
    });
    expect(res.body.templates.map((t: { id: string }) => t.id)).toEqual([
      ids.rejected,
      ids.whatsapp,
      ids.spanish,
      ids.refund,
      ids.greeting,
    ]);
    const [, whatsapp, , , greeting] = res.body.templates;
    expect(greeting).toEqual({
      id: ids.greeting,
      name: 'Welcome',
      language: 'English',
      languageCode: 'en',
      external: false,
      contentType: 'TEXT',
      content: { text: 'Hi {{customer.firstName}}!' },
      createdAt: '2024-01-01T00:00:00.000+00:00',
      updatedAt: '2024-01-01T00:00:00.000+00:00',
      tags: [expect.objectContaining({ name: 'Greetings' })],
      attachments: [],
    });
    expect(whatsapp).toEqual({
      id: ids.whatsapp,
      name: 'order_update',
      language: 'English (UK)',
      languageCode: 'en_GB',
      channel: 'WHATSAPP',
      external: true,
      contentType: 'TEMPLATE',
      content: {
        templateName: 'order_update',
        language: 'en_GB',
        category: 'UTILITY',
        status: 'APPROVED',
        text: 'Hi {{1}}, your order {{2}} has shipped.',
        header: 'Order update',
      },
      createdAt: '2024-01-04T00:00:00.000+00:00',
      updatedAt: '2024-01-04T00:00:00.000+00:00',
      tags: [],
      attachments: [],
      sender: WHATSAPP_SENDER,
    });
  });

  it('filters by channel, language, content type and times', async () => {
    expect(await listIds('?channel=SMS')).toEqual([ids.refund, ids.greeting]);
    expect(await listIds('?channel=WHATSAPP')).toEqual([
      ids.rejected,
      ids.whatsapp,
      ids.spanish,
      ids.greeting,
    ]);
    expect(await listIds('?channel=LINE')).toEqual([ids.greeting]);
    expect(await listIds(`?language=${encodeURIComponent('Spanish (MEX)')}`)).toEqual([
      ids.rejected,
      ids.spanish,
    ]);
    expect(await listIds('?language=English')).toEqual([ids.greeting]);
    expect(await listIds('?contentType=TEMPLATE')).toEqual([ids.rejected, ids.whatsapp]);
    expect(await listIds('?contentType=TEXT&channel=WHATSAPP')).toEqual([ids.spanish, ids.greeting]);
    expect(await listIds('?contentType=IMAGE')).toEqual([]);
    expect(
      await listIds('?createdAfter=2024-01-02T12:00:00.000+0000&createdBefore=2024-01-04T12:00:00Z'),
    ).toEqual([ids.whatsapp, ids.spanish]);
    expect(await listIds('?updatedAfter=2024-01-15T00:00:00.000+00:00')).toEqual([ids.spanish]);
    expect(await listIds('?updatedBefore=2024-01-02T00:00:00.000%2B00:00')).toEqual([ids.greeting]);
  });

  it('pages and orders', async () => {
    const res = await h.call('GET', `${LIST}?orderBy=name:asc&page=1&limit=2`, LIST);
    expect(res.body.pagination).toEqual({ totalItems: 5, page: 1, limit: 2, orderBy: 'name:ASC,id:ASC' });
    expect(res.body.templates.map((t: { name: string }) => t.name)).toEqual(['promo', 'Refund issued']);
    expect(await listIds('?orderBy=updatedAt:desc&limit=1')).toEqual([ids.spanish]);
  });

  it('refuses bad filters and paging with 400 and no key with 401', async () => {
    for (const query of [
      '?limit=-1',
      '?orderBy=text:asc',
      '?language=Klingon',
      '?channel=PIGEON',
      '?createdAfter=soon',
    ]) {
      const res = await h.call('GET', `${LIST}${query}`, LIST);
      expect(res, query).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
    }
    const anonymous = await h.app.inject({ method: 'GET', url: LIST });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /ccaas/1/templates/{templateId}', () => {
  it('gets either kind', async () => {
    const spanish = await h.call('GET', `${LIST}/${ids.spanish}`, ONE);
    expect(spanish.body).toMatchObject({ id: ids.spanish, language: 'Spanish (MEX)', channel: 'WHATSAPP' });
    const rejected = await h.call('GET', `${LIST}/${ids.rejected}`, ONE);
    expect(rejected.body).toMatchObject({
      external: true,
      content: { status: 'REJECTED', category: 'MARKETING' },
    });
    expect(rejected.body.content).not.toHaveProperty('header');
  });

  it('answers 404 NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['e43bc422-09c9-4591-8b9d-82debcf04e0d', 'nope']) {
      const res = await h.call('GET', `${LIST}/${id}`, ONE);
      expect(res).toEqual({
        status: 404,
        body: serviceException('NOT_FOUND', `Invalid id '${id}' given! No such entity exists.`),
      });
    }
  });
});
