import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimeLeft, isCustomerInitiated, REPLY_WINDOW_MS, replyWindow } from './channel-rules.ts';
import { CHANNELS } from './conversations-enums.ts';

const last = new Date('2026-03-01T10:00:00.000Z');
const after = (ms: number) => new Date(last.getTime() + ms);

describe('replyWindow', () => {
  it('is open on WhatsApp and Messenger until just before 24 hours, closed at exactly 24 hours', () => {
    const closesAt = after(REPLY_WINDOW_MS);
    expect(replyWindow('WHATSAPP', last, after(REPLY_WINDOW_MS - 1))).toEqual({ state: 'OPEN', closesAt });
    expect(replyWindow('WHATSAPP', last, after(REPLY_WINDOW_MS))).toEqual({
      state: 'TEMPLATE_ONLY',
      closedAt: closesAt,
    });
    expect(replyWindow('FACEBOOK_MESSENGER', last, after(REPLY_WINDOW_MS - 1)).state).toBe('OPEN');
    expect(replyWindow('FACEBOOK_MESSENGER', last, after(REPLY_WINDOW_MS))).toEqual({
      state: 'TAG_REQUIRED',
      closedAt: closesAt,
    });
  });

  it('closes Instagram at 24 hours, with nothing to send until the customer writes again', () => {
    const closesAt = after(REPLY_WINDOW_MS);
    expect(replyWindow('INSTAGRAM_MESSAGING', last, after(REPLY_WINDOW_MS - 1))).toEqual({
      state: 'OPEN',
      closesAt,
    });
    expect(replyWindow('INSTAGRAM_MESSAGING', last, after(REPLY_WINDOW_MS))).toEqual({
      state: 'CLOSED',
      closedAt: closesAt,
    });
  });

  it('treats a first contact (no customer message) as closed, with no closing time', () => {
    expect(replyWindow('WHATSAPP', null, last)).toEqual({ state: 'TEMPLATE_ONLY', closedAt: null });
    expect(replyWindow('FACEBOOK_MESSENGER', null, last)).toEqual({ state: 'TAG_REQUIRED', closedAt: null });
    expect(replyWindow('INSTAGRAM_MESSAGING', null, last)).toEqual({ state: 'CLOSED', closedAt: null });
    expect(replyWindow('APPLE_BUSINESS_CHAT', null, last)).toEqual({ state: 'CLOSED', closedAt: null });
  });

  it('lets Apple Messages reply without a time limit once the customer has written', () => {
    expect(replyWindow('APPLE_BUSINESS_CHAT', last, after(30 * REPLY_WINDOW_MS))).toEqual({ state: 'NONE' });
  });

  it('names Instagram and Apple Messages, and only them, as channels the customer must open', () => {
    expect(CHANNELS.filter(isCustomerInitiated)).toEqual(['INSTAGRAM_MESSAGING', 'APPLE_BUSINESS_CHAT']);
  });

  it('has no window on the other channels, whenever the customer wrote', () => {
    const ruled = new Set(['WHATSAPP', 'FACEBOOK_MESSENGER', 'INSTAGRAM_MESSAGING', 'APPLE_BUSINESS_CHAT']);
    for (const channel of CHANNELS.filter((c) => !ruled.has(c))) {
      expect(replyWindow(channel, null, last)).toEqual({ state: 'NONE' });
      expect(replyWindow(channel, last, after(10 * REPLY_WINDOW_MS))).toEqual({ state: 'NONE' });
    }
  });

  it('is open exactly when less than 24 hours have passed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('WHATSAPP' as const, 'FACEBOOK_MESSENGER' as const, 'INSTAGRAM_MESSAGING' as const),
        fc.integer({ min: -REPLY_WINDOW_MS, max: 3 * REPLY_WINDOW_MS }),
        (channel, elapsed) => {
          const open = replyWindow(channel, last, after(elapsed)).state === 'OPEN';
          expect(open).toBe(elapsed < REPLY_WINDOW_MS);
        },
      ),
    );
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [60_000, '1 min'],
    [59 * 60_000, '59 min'],
    [60 * 60_000, '1 h'],
    [REPLY_WINDOW_MS - 60_000, '23 h 59 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});
