import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseSubject,
  MAX_REFERENCES,
  outboundMessageId,
  parseMessageIds,
  referencesOf,
  replyCandidates,
  replySubject,
  replyThreadHeaders,
} from './message-ids.ts';

describe('message id headers', () => {
  it('reads ids in order, once each, from folded or array values', () => {
    expect(parseMessageIds('<a@x>\r\n <b@x>  <a@x>')).toEqual(['<a@x>', '<b@x>']);
    expect(parseMessageIds(['<a@x>', '<c@y>'])).toEqual(['<a@x>', '<c@y>']);
    expect(parseMessageIds('bare@host.example')).toEqual(['<bare@host.example>']);
    expect(parseMessageIds('not an id')).toEqual([]);
    expect(parseMessageIds(undefined)).toEqual([]);
  });

  it('takes References as the chain, adding a parent that In-Reply-To names but References left out', () => {
    expect(referencesOf({ inReplyTo: ['<p@x>'], references: ['<r@x>', '<p@x>'] })).toEqual([
      '<r@x>',
      '<p@x>',
    ]);
    expect(referencesOf({ inReplyTo: ['<p@x>'], references: ['<r@x>'] })).toEqual(['<r@x>', '<p@x>']);
    expect(referencesOf({ inReplyTo: ['<p@x>'] })).toEqual(['<p@x>']);
    expect(referencesOf({})).toEqual([]);
  });

  it('looks up the nearest ancestor first: In-Reply-To, then References from the latest back', () => {
    expect(replyCandidates({ inReplyTo: ['<c@x>'], references: ['<a@x>', '<b@x>', '<c@x>'] })).toEqual([
      '<c@x>',
      '<b@x>',
      '<a@x>',
    ]);
  });
});

describe('threading headers of our reply', () => {
  it('answers the parent and extends its chain', () => {
    expect(replyThreadHeaders({ messageId: '<m2@c>', references: ['<m1@c>', '<r1@p>'] })).toEqual({
      inReplyTo: '<m2@c>',
      references: ['<m1@c>', '<r1@p>', '<m2@c>'],
    });
  });

  it('has none when nothing was received yet', () => {
    expect(replyThreadHeaders(undefined)).toEqual({});
  });

  it('keeps the root and the latest ids of a long chain, ending with the parent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }), (ns) => {
        const references = ns.map((n) => `<${n}@x>`);
        const headers = replyThreadHeaders({ messageId: '<parent@x>', references });
        const chain = headers.references ?? [];
        expect(chain.length).toBeLessThanOrEqual(MAX_REFERENCES);
        expect(chain.at(-1)).toBe('<parent@x>');
        expect(new Set(chain).size).toBe(chain.length);
        if (references.length > 0) expect(chain[0]).toBe(references[0]);
      }),
    );
  });

  it('derives our Message-ID from the message id and the domain we send from', () => {
    expect(outboundMessageId('0b7c', 'Support@Example.com')).toBe('<0b7c@Example.com>');
  });
});

describe('subjects', () => {
  it('drops the reply and forward prefixes clients add, in several languages', () => {
    expect(baseSubject('Re: RE: Fwd: Order 42')).toBe('Order 42');
    expect(baseSubject('AW: SV:  Rechnung   fehlt')).toBe('Rechnung fehlt');
    expect(baseSubject('Re[2]: Hello')).toBe('Hello');
    expect(baseSubject('Regarding the refund')).toBe('Regarding the refund');
  });

  it('answers with "Re: " and the topic, never "Re: Re: "', () => {
    expect(replySubject('Order 42')).toBe('Re: Order 42');
    expect(replySubject('Re: Order 42')).toBe('Re: Order 42');
  });
});
