import { describe, expect, it } from 'vitest';
import { mapUpdate } from '../../channels/telegram/mapper.ts';
import { emailInbound, infobipInbound, telegramInbound } from './simulator.payloads.ts';

describe('simulator payloads', () => {
  it('builds an Infobip incoming-message body with the provider channel name', () => {
    const body = infobipInbound('VIBER', '385911234567', 'ParleyShop', 'Hello') as {
      results: Array<Record<string, unknown>>;
    };
    expect(body.results[0]).toMatchObject({
      channel: 'VIBER_BM',
      sender: '385911234567',
      destination: 'ParleyShop',
      content: [{ type: 'TEXT', text: 'Hello' }],
    });
  });

  it('builds a Telegram Update the Telegram mapper reads as the chat writing', async () => {
    const update = telegramInbound(424242, 'Ana', 'Where is my order?', new Date('2026-01-01T10:00:00Z'));
    const mapped = await mapUpdate(update, { id: 'c1', sender: 'shop_bot', botId: '1' }, async () => {
      throw new Error('no media');
    });
    expect(mapped.messages).toMatchObject([
      { from: '424242', to: 'shop_bot', content: { text: 'Where is my order?' }, customerName: 'Ana' },
    ]);
  });

  it('composes an RFC 5322 mail that answers our last Message-ID', async () => {
    const raw = (
      await emailInbound({
        from: 'ana@customer.test',
        name: 'Ana Lopez',
        to: 'support@shop.test',
        subject: 'Re: order',
        text: 'Thanks!',
        references: ['<a@shop.test>', '<b@shop.test>'],
      })
    ).toString();
    expect(raw).toMatch(/^From: Ana Lopez <ana@customer\.test>$/m);
    expect(raw).toMatch(/^In-Reply-To: <b@shop\.test>$/m);
    expect(raw).toMatch(/^References: <a@shop\.test> <b@shop\.test>$/m);
  });
});
