import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlashTrigger, replaceTrigger } from './slash-trigger.ts';

describe('findSlashTrigger', () => {
  it('opens at the start of the text or of a word, up to the caret', () => {
    expect(findSlashTrigger('/ord', 4)).toEqual({ start: 0, end: 4, query: 'ord' });
    expect(findSlashTrigger('Hello /ord', 10)).toEqual({ start: 6, end: 10, query: 'ord' });
    expect(findSlashTrigger('Hi\n/', 4)).toEqual({ start: 3, end: 4, query: '' });
    expect(findSlashTrigger('/order sta', 10)?.query).toBe('order sta');
    // The caret decides: text after it is not part of the query.
    expect(findSlashTrigger('/ord and more', 4)?.query).toBe('ord');
  });

  it('stays shut inside words, across lines, after a space or for long prose', () => {
    expect(findSlashTrigger('and/or', 6)).toBeNull();
    expect(findSlashTrigger('see https://x.io/a', 18)).toBeNull();
    expect(findSlashTrigger('/ord\nmore', 9)).toBeNull();
    expect(findSlashTrigger('/ hello', 7)).toBeNull();
    expect(findSlashTrigger(`/${'x'.repeat(41)}`, 42)).toBeNull();
    expect(findSlashTrigger('no slash', 8)).toBeNull();
  });
});

describe('replaceTrigger', () => {
  it('replaces exactly the trigger and puts the caret after the insert', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (head, tail, insert) => {
        const prefix = head === '' || /\s$/.test(head) ? head : `${head} `;
        const text = `${prefix}/q${tail}`;
        const trigger = findSlashTrigger(text, prefix.length + 2);
        expect(trigger).not.toBeNull();
        if (!trigger) return;
        const result = replaceTrigger(text, trigger, insert);
        expect(result.text).toBe(prefix + insert + tail);
        expect(result.caret).toBe(prefix.length + insert.length);
      }),
    );
  });
});
