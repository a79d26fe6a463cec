import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceViolations } from './reference-schema.ts';
import { exampleRegistryTemplates, registryAnswer, registryTemplate } from './simulated-registry.ts';
import { mapRegistryTemplates } from './template-mapper.ts';

const examples = JSON.parse(
  readFileSync(new URL('./fixtures/whatsapp-template-examples.json', import.meta.url), 'utf8'),
) as Record<string, { templates: unknown[] }>;

describe('the WhatsApp template registry examples', () => {
  for (const [name, answer] of Object.entries(examples)) {
    it(`"${name}" matches the reference TemplatesApiResponse schema`, () => {
      expect(referenceViolations('TemplatesApiResponse', answer)).toEqual([]);
    });
  }

  it('are what the fake and the sandbox serve, each with an id of its own, valid against the reference', () => {
    const served = registryAnswer([
      ...exampleRegistryTemplates(),
      registryTemplate({ id: '900', name: 'pending_one', status: 'PENDING' }),
    ]);
    expect(referenceViolations('TemplatesApiResponse', served)).toEqual([]);
    expect(new Set(served.templates.map((t) => t.id)).size).toBe(served.templates.length);
  });
});

describe('mapRegistryTemplates', () => {
  const mapped = mapRegistryTemplates(exampleRegistryTemplates());

  it('reads every reference example into components, placeholders and approval state', () => {
    expect(mapped.skipped).toEqual([]);
    expect(
      mapped.templates.map((t) => ({
        name: t.name,
        status: t.status,
        category: t.category,
        header: t.components.header,
        keys: t.placeholders.map((p) => p.key),
        buttons: t.components.buttons.map((b) => b.type),
        unsupported: t.unsupportedReason,
      })),
    ).toEqual([
      {
        name: 'media_template',
        status: 'APPROVED',
        category: 'MARKETING',
        header: { format: 'IMAGE' },
        keys: ['header.url', 'body.1'],
        buttons: [],
        unsupported: null,
      },
      {
        name: 'media_template_with_header',
        status: 'APPROVED',
        category: 'MARKETING',
        header: { format: 'TEXT', text: 'exampleContent' },
        keys: ['body.1'],
        buttons: [],
        unsupported: null,
      },
      {
        name: 'media_template_with_buttons',
        status: 'APPROVED',
        category: 'MARKETING',
        header: { format: 'IMAGE' },
        keys: ['header.url', 'body.1'],
        buttons: ['PHONE_NUMBER', 'URL'],
        unsupported: null,
      },
      {
        name: 'text_template',
        status: 'APPROVED',
        category: 'MARKETING',
        header: null,
        keys: ['body.1'],
        buttons: [],
        unsupported: null,
      },
    ]);
    expect(mapped.templates[0]?.components).toMatchObject({
      body: 'example {{1}} body',
      footer: 'exampleFooter',
    });
  });

  it('keeps the approval state the registry reports', () => {
    const states = ['PENDING', 'REJECTED', 'PAUSED_NOT_A_STATE'].map((status, i) =>
      registryTemplate({ id: String(i), name: `t${i}`, status }),
    );
    const result = mapRegistryTemplates(states);
    expect(result.templates.map((t) => t.status)).toEqual(['PENDING', 'REJECTED']);
    expect(result.skipped).toEqual([{ name: 't2', reason: 'unreadable status' }]);
  });

  it('marks what Parley cannot send, with the reason', () => {
    const structure = (fields: Record<string, unknown>) => ({
      body: { text: 'Hi' },
      type: 'TEXT',
      ...fields,
    });
    const result = mapRegistryTemplates([
      registryTemplate({ id: '1', name: 'carousel', structure: structure({ carousel: { cards: [] } }) }),
      registryTemplate({ id: '2', name: 'gif', structure: structure({ header: { format: 'GIF' } }) }),
      registryTemplate({
        id: '3',
        name: 'flow',
        structure: structure({ buttons: [{ type: 'FLOW', text: 'Go' }] }),
      }),
    ]);
    expect(result.templates.map((t) => t.unsupportedReason)).toEqual([
      'Carousel templates are not supported',
      'GIF headers cannot be sent through the Messages API',
      'FLOW buttons are not supported',
    ]);
  });

  it('reads an authentication template’s copy-code button as a code placeholder', () => {
    const [auth] = mapRegistryTemplates([
      registryTemplate({
        id: '7',
        name: 'otp',
        category: 'AUTHENTICATION',
        structure: {
          body: { text: '{{1}} is your code.' },
          buttons: [{ otpType: 'COPY_CODE' }],
          type: 'TEXT',
        },
      }),
    ]).templates;
    expect(auth?.components.buttons).toEqual([{ type: 'OTP_COPY_CODE', text: 'Copy code' }]);
    expect(auth?.placeholders.map((p) => p.key)).toEqual(['body.1', 'button.0']);
    expect(auth?.unsupportedReason).toBeNull();
  });
});
