import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExamples } from '../contract.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from '../test-support.ts';

let h: CcaasHarness;
beforeAll(async () => {
  h = await ccaasHarness();
});
afterAll(() => h.app.close());

const CONV = '/ccaas/1/conversations/{conversationId}';
const userId = (actor: { kind: string } & Partial<{ userId: string }>) => actor.userId ?? '';

async function conversation(payload: Record<string, unknown> = {}) {
  return (await h.call('POST', '/ccaas/1/conversations', '/ccaas/1/conversations', { payload })).body as {
    id: string;
  };
}

describe('/ccaas/1/conversations/{id}/notes', () => {
  it('creates notes from the reference examples, lists and gets them', async () => {
    const conv = await conversation();
    const agentId = userId(h.desk.agentA);
    const [text, withAttachments] = requestExamples('create-note');
    const created = await h.call('POST', `/ccaas/1/conversations/${conv.id}/notes`, `${CONV}/notes`, {
      payload: { ...(text?.value as object), agentId },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      conversationId: conv.id,
      agentId,
      content: 'Note content',
      type: 'INTERNAL',
    });
    const attachment = await h.call('POST', `/ccaas/1/conversations/${conv.id}/notes`, `${CONV}/notes`, {
      payload: { ...(withAttachments?.value as object), agentId },
    });
    expect(attachment).toMatchObject({
      status: 400,
      body: serviceException('BAD_REQUEST', 'Note type ATTACHMENT is not supported'),
    });
    const byHeader = await h.call('POST', `/ccaas/1/conversations/${conv.id}/notes`, `${CONV}/notes`, {
      payload: { content: { text: 'Second' } },
      headers: { 'x-agent-id': userId(h.desk.supervisor) },
    });
    expect(byHeader.body).toMatchObject({ agentId: userId(h.desk.supervisor), content: 'Second' });

    const listed = await h.call('GET', `/ccaas/1/conversations/${conv.id}/notes`, `${CONV}/notes`);
    expect(listed.body.notes.map((n: { content: string }) => n.content)).toEqual(['Note content', 'Second']);
    expect(listed.body.pagination).toMatchObject({ totalItems: 2, page: 0, limit: 10 });
    const one = await h.call(
      'GET',
      `/ccaas/1/conversations/${conv.id}/notes/${created.body.id}`,
      `${CONV}/notes/{noteId}`,
    );
    expect(one.body).toEqual(created.body);
  });

  it('refuses a note without author or content, an unknown note and a closed conversation', async () => {
    const conv = await conversation();
    const post = (payload: unknown) =>
      h.call('POST', `/ccaas/1/conversations/${conv.id}/notes`, `${CONV}/notes`, { payload });
    expect(
      (await post({ content: 'Who wrote me?' })).body.requestError.serviceException.validationErrors,
    ).toHaveProperty('agentId');
    expect((await post({ agentId: userId(h.desk.agentA) })).status).toBe(400);
    expect(await post({ content: 'x', agentId: 'ghost' })).toMatchObject({
      status: 400,
      body: serviceException('NOT_FOUND'),
    });
    const unknown = await h.call(
      'GET',
      `/ccaas/1/conversations/${conv.id}/notes/${crypto.randomUUID()}`,
      `${CONV}/notes/{noteId}`,
    );
    expect(unknown).toMatchObject({ status: 404, body: serviceException('NOT_FOUND') });
    await h.call('PATCH', `/ccaas/1/conversations/${conv.id}`, CONV, { payload: { status: 'CLOSED' } });
    expect(await post({ content: 'late', agentId: userId(h.desk.agentA) })).toEqual({
      status: 400,
      body: serviceException('BAD_REQUEST', 'Closed conversation cannot be changed'),
    });
  });
});

/**
 * GET metadata unchecked: the reference types its body as `string` (the server's Java type) while
 * its example, and the wire, carry the JSON object itself — Parley answers with the object.
 */
async function readMetadata(path: string) {
  const res = await h.app.inject({ method: 'GET', url: path, headers: { authorization: h.authorization } });
  return { status: res.statusCode, body: res.json() };
}

describe('/ccaas/1/conversations/{id}/metadata', () => {
  it('replaces with PUT, merges with PATCH, deletes, and reads back', async () => {
    const conv = await conversation();
    const path = `/ccaas/1/conversations/${conv.id}/metadata`;
    expect((await readMetadata(path)).body).toEqual({});
    const [upsert] = requestExamples('create-metadata');
    const put = await h.call('PUT', path, `${CONV}/metadata`, { payload: upsert?.value });
    expect(put.body).toEqual({
      statusCode: 'SUCCESS',
      message: 'Metadata added to conversation successfully.',
    });
    const [patch] = requestExamples('patch-metadata');
    await h.call('PATCH', path, `${CONV}/metadata`, { payload: patch?.value });
    expect((await readMetadata(path)).body).toEqual({
      key1: 'value1_updated',
      key2: 'value2',
      key3: 'value3',
    });
    expect((await h.call('PUT', path, `${CONV}/metadata`, { payload: {} })).status).toBe(400);
    await h.call('DELETE', path, `${CONV}/metadata`);
    expect((await readMetadata(path)).body).toEqual({});
    const missing = await h.call(
      'GET',
      `/ccaas/1/conversations/${crypto.randomUUID()}/metadata`,
      `${CONV}/metadata`,
    );
    expect(missing).toMatchObject({ status: 404, body: serviceException('NOT_FOUND') });
  });
});

describe('/ccaas/1/tags', () => {
  it('creates, lists, filters and deletes catalogue tags by name', async () => {
    const name = `Tag_${crypto.randomUUID().slice(0, 8)}`;
    const created = await h.call('POST', '/ccaas/1/tags', '/ccaas/1/tags', { payload: { name } });
    expect(created.body).toMatchObject({ name });
    const duplicate = await h.call('POST', '/ccaas/1/tags', '/ccaas/1/tags', {
      payload: { name: name.toUpperCase() },
    });
    expect(duplicate).toEqual({ status: 400, body: serviceException('BAD_REQUEST', 'Tag already exists.') });
    expect((await h.call('POST', '/ccaas/1/tags', '/ccaas/1/tags', { payload: { name: ' ' } })).status).toBe(
      400,
    );
    const byName = await h.call('GET', `/ccaas/1/tags?name=${name.toLowerCase()}`, '/ccaas/1/tags');
    expect(byName.body.tags).toEqual([created.body]);
    const conv = await conversation();
    await h.call('POST', `/ccaas/1/conversations/${conv.id}/tags`, `${CONV}/tags`, {
      payload: { tagName: name },
    });
    const deleted = await h.call('DELETE', `/ccaas/1/tags/${name}`, '/ccaas/1/tags/{tagName}');
    expect(deleted.body).toEqual({ statusCode: 'SUCCESS', message: 'Tag deleted successfully.' });
    expect(
      (await h.call('GET', `/ccaas/1/tags?conversationId=${conv.id}`, '/ccaas/1/tags')).body.tags,
    ).toEqual([]);
    const again = await h.call('DELETE', `/ccaas/1/tags/${name}`, '/ccaas/1/tags/{tagName}');
    expect(again).toMatchObject({ status: 404, body: serviceException('NOT_FOUND') });
    const ordered = await h.call('GET', '/ccaas/1/tags?orderBy=name:desc', '/ccaas/1/tags');
    expect(ordered.body.pagination.orderBy).toBe('name:DESC,id:ASC');
  });
});
