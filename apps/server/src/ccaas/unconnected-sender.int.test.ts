import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '../modules/messages/inbound.service.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from './test-support.ts';

// A reply on a sender no enabled channel connection carries could never be sent: `/ccaas/1`
// refuses it like the web app does, in the reference's 400 envelope, and stores nothing.

let h: CcaasHarness;
beforeAll(async () => {
  h = await ccaasHarness();
});
afterAll(() => h.app.close());

describe('/ccaas/1 messages on an unconnected sender', () => {
  it('answers 400 BAD_REQUEST naming the channel and sender, and stores nothing', async () => {
    const ours = '447000000999';
    const from = '447900000001';
    const inbound = await ingestInbound(h.desk.events, h.desk.inbound({ from, to: ours }));
    if (inbound.duplicate) throw new Error('unexpected duplicate');
    const res = await h.call(
      'POST',
      `/ccaas/1/conversations/${inbound.conversationId}/messages`,
      '/ccaas/1/conversations/{conversationId}/messages',
      { payload: { channel: 'SMS', from: ours, to: from, contentType: 'TEXT', content: { text: 'Hello?' } } },
    );
    expect(res).toEqual({
      status: 400,
      body: serviceException('BAD_REQUEST', expect.stringContaining(`cannot send on SMS as ${ours}`)),
    });
    const { rows } = await h.db.pool.query(
      `select count(*)::int as n from messages where conversation_id = $1 and direction = 'OUTBOUND'`,
      [inbound.conversationId],
    );
    expect(rows[0].n).toBe(0);
  });
});
