import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fillWhatsAppTemplate,
  placeholderNumbers,
  templateParameterProblems,
  templatePlaceholders,
  unsupportedComponentsReason,
  type WhatsAppTemplateComponents,
} from './whatsapp-templates.ts';

const orderUpdate: WhatsAppTemplateComponents = {
  header: { format: 'TEXT', text: 'Order {{1}}' },
  body: 'Hi {{1}}, your order {{2}} ships on {{3}}. Questions? Reply to {{1}}.',
  footer: 'Parley Shop',
  buttons: [
    { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
    { type: 'URL', text: 'Shop', url: 'https://shop.example' },
    { type: 'QUICK_REPLY', text: 'Thanks' },
    { type: 'COPY_CODE', text: 'Copy coupon' },
  ],
};

describe('templatePlaceholders', () => {
  it('lists the header, each distinct body number once and the buttons that take a value, in reading order', () => {
    const placeholders = templatePlaceholders(orderUpdate, ['Ana', '42']);
    expect(placeholders.map((p) => [p.key, p.kind, p.required])).toEqual([
      ['header.1', 'TEXT', true],
      ['body.1', 'TEXT', true],
      ['body.2', 'TEXT', true],
      ['body.3', 'TEXT', true],
      ['button.0', 'TEXT', true],
      ['button.3', 'TEXT', true],
    ]);
    expect(placeholders.find((p) => p.key === 'body.2')?.example).toBe('42');
    expect(placeholders.find((p) => p.key === 'body.3')?.example).toBeUndefined();
    expect(placeholders.find((p) => p.key === 'button.3')?.maxLength).toBe(15);
  });

  it.each([
    ['IMAGE', ['header.url']],
    ['VIDEO', ['header.url']],
    ['DOCUMENT', ['header.url', 'header.filename']],
    ['LOCATION', ['header.latitude', 'header.longitude']],
  ] as const)('asks for what a %s header shows', (format, keys) => {
    const placeholders = templatePlaceholders({ header: { format }, body: 'Hi', footer: null, buttons: [] });
    expect(placeholders.map((p) => p.key)).toEqual(keys);
  });

  it('asks nothing of a template without placeholders', () => {
    const fixed = {
      header: { format: 'TEXT' as const, text: 'News' },
      body: 'Hello',
      footer: null,
      buttons: [],
    };
    expect(templatePlaceholders(fixed)).toEqual([]);
  });
});

describe('templateParameterProblems', () => {
  const placeholders = templatePlaceholders(orderUpdate);
  const complete = {
    'header.1': '42',
    'body.1': 'Ana',
    'body.2': '42',
    'body.3': 'Monday',
    'button.0': 'a1b2',
    'button.3': 'SAVE10',
  };

  it('accepts every placeholder filled', () => {
    expect(templateParameterProblems(placeholders, complete)).toEqual([]);
  });

  it('names each missing, blank, too long or unknown value', () => {
    const { 'body.3': _missing, ...rest } = complete;
    expect(
      templateParameterProblems(placeholders, {
        ...rest,
        'body.1': '  ',
        'button.3': 'X'.repeat(16),
        'body.9': 'x',
      }),
    ).toEqual([
      'Body {{1}} is required',
      'Body {{3}} is required',
      'Button “Copy coupon”: code to copy is longer than 15 characters',
      'The template has no placeholder body.9',
    ]);
  });

  it('checks media URLs and coordinates', () => {
    const media = templatePlaceholders({
      header: { format: 'IMAGE' },
      body: 'Hi',
      footer: null,
      buttons: [],
    });
    expect(templateParameterProblems(media, { 'header.url': 'ftp://x' })).toEqual([
      'Header image URL must be an http(s) URL',
    ]);
    const place = templatePlaceholders({
      header: { format: 'LOCATION' },
      body: 'Hi',
      footer: null,
      buttons: [],
    });
    expect(templateParameterProblems(place, { 'header.latitude': '91', 'header.longitude': 'east' })).toEqual(
      [
        'Header location latitude must be a number between -90 and 90',
        'Header location longitude must be a number between -180 and 180',
      ],
    );
  });
});

describe('fillWhatsAppTemplate', () => {
  it('fills the body as the customer reads it and keeps the values each part is sent with', () => {
    const filled = fillWhatsAppTemplate(
      { ...orderUpdate, name: 'order_update', language: 'en' },
      {
        'header.1': '42',
        'body.1': ' Ana ',
        'body.2': '42',
        'body.3': 'Monday',
        'button.0': 'a1b2',
        'button.3': 'SAVE10',
      },
    );
    expect(filled).toEqual({
      templateName: 'order_update',
      language: 'en',
      text: 'Hi Ana, your order 42 ships on Monday. Questions? Reply to Ana.',
      placeholders: ['Ana', '42', 'Monday'],
      template: {
        header: { format: 'TEXT', text: 'Order 42', parameter: '42' },
        footer: 'Parley Shop',
        buttons: [
          { type: 'URL', text: 'Track', parameter: 'a1b2' },
          { type: 'URL', text: 'Shop' },
          { type: 'QUICK_REPLY', text: 'Thanks' },
          { type: 'COPY_CODE', text: 'Copy coupon', parameter: 'SAVE10' },
        ],
      },
    });
  });

  it('leaves no placeholder in a body whose every number was filled (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        fc.string(),
        (ns, word) => {
          const body = ns.map((n) => `{{${n}}}`).join(' and ');
          const value = word.trim() || 'x';
          const parameters = Object.fromEntries(placeholderNumbers(body).map((n) => [`body.${n}`, value]));
          const { text } = fillWhatsAppTemplate(
            { header: null, body, footer: null, buttons: [], name: 't', language: 'en' },
            parameters,
          );
          expect(placeholderNumbers(text.replaceAll(value, ''))).toEqual([]);
        },
      ),
    );
  });
});

describe('unsupportedComponentsReason', () => {
  it('refuses GIF headers and buttons Parley cannot send', () => {
    expect(unsupportedComponentsReason(orderUpdate)).toBeNull();
    expect(unsupportedComponentsReason({ ...orderUpdate, header: { format: 'GIF' } })).toMatch(/GIF/);
    expect(unsupportedComponentsReason({ ...orderUpdate, buttons: [{ type: 'FLOW', text: 'Book' }] })).toBe(
      'FLOW buttons are not supported',
    );
  });
});
