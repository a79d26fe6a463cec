import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './quoted-text.ts';

describe('quoted reply history', () => {
  it('cuts at the attribution line of Gmail, Apple Mail and Thunderbird', () => {
    const text = [
      'Thanks, that worked!',
      '',
      'On Tue, 3 Mar 2026 at 10:00, Parley Support <support@example.com> wrote:',
      '> Please restart the router.',
      '>',
      '> On Mon, 2 Mar 2026, Ana wrote:',
      '>> It does not work.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Thanks, that worked!');
  });

  it('recognises an attribution wrapped over two lines and translated ones', () => {
    expect(
      stripQuotedReply(
        'Yes.\n\nOn Tue, 3 Mar 2026 at 10:00, Parley Support\n<support@example.com> wrote:\n> Hi',
      ),
    ).toBe('Yes.');
    expect(
      stripQuotedReply('Danke!\n\nAm 03.03.2026 um 10:00 schrieb Support <s@example.com>:\n> Hallo'),
    ).toBe('Danke!');
    expect(stripQuotedReply('Merci\n\nLe mar. 3 mars 2026, Support a écrit :\n> Bonjour')).toBe('Merci');
  });

  it("cuts at Outlook's separator and header block", () => {
    expect(stripQuotedReply('Fine.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: today')).toBe(
      'Fine.',
    );
    expect(
      stripQuotedReply(
        'Fine.\n\n________________________________\nFrom: Support <s@example.com>\nSent: Tuesday\nTo: Ana',
      ),
    ).toBe('Fine.');
    expect(
      stripQuotedReply('Fine.\n\nFrom: Support <s@example.com>\nDate: Tuesday\nSubject: Re: x\n\nold'),
    ).toBe('Fine.');
  });

  it('drops a trailing "> " block but keeps quotes answered inline', () => {
    expect(stripQuotedReply('See below.\n\n> old line 1\n> old line 2\n')).toBe('See below.');
    const inline = '> Which model?\nThe X200.\n> Since when?\nYesterday.';
    expect(stripQuotedReply(inline)).toBe(inline);
  });

  it('keeps forwarded content, signatures and a "From:" line that is not a header block', () => {
    const forward =
      'Look at this:\n\n---------- Forwarded message ---------\nFrom: Bank <b@bank.example>\nTo: Ana';
    expect(stripQuotedReply(forward)).toBe(forward);
    expect(stripQuotedReply('Hi\n\nFrom: my phone, sorry for typos')).toBe(
      'Hi\n\nFrom: my phone, sorry for typos',
    );
    expect(stripQuotedReply('Hi\n-- \nAna, +1 555 0100')).toBe('Hi\n-- \nAna, +1 555 0100');
    expect(stripQuotedReply('Thanks!\nAna <ana@example.com> wrote:\n> hi')).toBe('Thanks!');
    const story = 'On Monday I wrote to you:\nthe router blinks red.';
    expect(stripQuotedReply(story)).toBe(story);
  });

  it('keeps a message that is nothing but a quote rather than showing it empty', () => {
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
  });
});
