import { describe, expect, it } from 'vitest';
import { keywordAnswer, signatureHeaders, stableUuid } from './bot-delivery.ts';

const bot = {
  keywordRules: [
    { keywords: ['price', 'cost'], reply: 'See our price list.' },
    { keywords: ['hours'], reply: 'Open 8–16.' },
  ],
  handoverKeywords: ['agent'],
  fallbackReply: null,
};

describe('the keyword bot', () => {
  it('hands over before anything else, else answers with the first matching rule', () => {
    expect(keywordAnswer(bot, 'Agent! what does it cost?')).toEqual({ kind: 'handover' });
    expect(keywordAnswer(bot, 'What is the COST and your hours?')).toEqual({
      kind: 'reply',
      text: 'See our price list.',
    });
    expect(keywordAnswer(bot, 'your hours?')).toEqual({ kind: 'reply', text: 'Open 8–16.' });
  });

  it('matches whole words only and falls back when told', () => {
    expect(keywordAnswer(bot, 'priceless')).toBeNull();
    expect(keywordAnswer({ ...bot, fallbackReply: 'Type agent.' }, 'hm')).toEqual({
      kind: 'reply',
      text: 'Type agent.',
    });
  });
});

describe('webhook signing', () => {
  it('signs timestamp and body with HMAC-SHA256', () => {
    expect(signatureHeaders('secret', '{"a":1}', 1700000000)).toEqual({
      'x-parley-timestamp': '1700000000',
      // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
      'x-parley-signature': 'sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686',
    });
  });

  it('makes stable UUIDs', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
