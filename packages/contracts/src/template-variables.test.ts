import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  SAMPLE_TEMPLATE_CONTEXT,
  TEMPLATE_VARIABLES,
  type TemplateContext,
  unknownTemplateVariables,
} from './template-variables.ts';
import { CreateTemplateRequest } from './templates.ts';

const context: TemplateContext = {
  customer: { name: 'Emma  Jane Walsh' },
  agent: { displayName: "Liam O'Connor" },
  conversation: { number: 1042 },
};

describe('fillTemplate', () => {
  it('fills every variable from the context', () => {
    const text =
      '{{customer.firstName}}|{{customer.lastName}}|{{customer.name}}|{{agent.firstName}}|{{agent.name}}|#{{conversation.number}}';
    expect(fillTemplate(text, context)).toBe("Emma|Jane Walsh|Emma Jane Walsh|Liam|Liam O'Connor|#1042");
  });

  it('ignores whitespace inside the braces', () => {
    expect(fillTemplate('Hi {{ customer.firstName }}!', context)).toBe('Hi Emma!');
  });

  it('uses the fallback only when the value is missing, else empty', () => {
    const text = 'Hi {{customer.firstName | there}}, {{customer.lastName}}.';
    expect(fillTemplate(text, { customer: { name: null } })).toBe('Hi there, .');
    expect(fillTemplate(text, { customer: { name: 'Cher' } })).toBe('Hi Cher, .');
    expect(fillTemplate(text, {})).toBe('Hi there, .');
    expect(fillTemplate('#{{conversation.number}}', { conversation: { number: 0 } })).toBe('#0');
  });

  it('leaves unknown tokens and stray braces exactly as written', () => {
    const text = 'Code {{1}}, {{ customer.email }}, {{customer.firstName, {{}} }}';
    expect(fillTemplate(text, context)).toBe(text);
  });

  it('keeps any text that names no variable unchanged, braces and all', () => {
    const names = TEMPLATE_VARIABLES.map((v) => v.name);
    const unit = fc.oneof(
      fc.constantFrom('{', '}', '|', ' ', 'customer.', 'agent.', 'name', '1'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.string({ unit }).filter((text) => !names.some((name) => text.includes(name))),
        (text) => {
          expect(fillTemplate(text, context)).toBe(text);
        },
      ),
    );
  });

  it('keeps text around variables and never leaves a known token behind', () => {
    const names = TEMPLATE_VARIABLES.map((v) => v.name);
    const piece = fc.oneof(
      fc.string().map((s) => ({ text: s.replace(/[{}]/g, ''), filled: s.replace(/[{}]/g, '') })),
      fc.constantFrom(...names).map((name) => ({
        text: `{{${name}}}`,
        filled: fillTemplate(`{{${name}}}`, SAMPLE_TEMPLATE_CONTEXT),
      })),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const text = pieces.map((p) => p.text).join('');
        const filled = fillTemplate(text, SAMPLE_TEMPLATE_CONTEXT);
        expect(filled).toBe(pieces.map((p) => p.filled).join(''));
        expect(unknownTemplateVariables(text)).toEqual([]);
      }),
    );
  });

  it('the sample context gives every variable its documented sample', () => {
    for (const v of TEMPLATE_VARIABLES) {
      expect(fillTemplate(`{{${v.name}}}`, SAMPLE_TEMPLATE_CONTEXT)).toBe(v.sample);
    }
  });
});

describe('template text validation', () => {
  it('lists unknown variables once each, in order', () => {
    expect(unknownTemplateVariables('{{a}} {{customer.name}} {{ b }} {{a}}')).toEqual(['a', 'b']);
  });

  it('refuses unknown variables with a message naming them and the known ones', () => {
    const result = CreateTemplateRequest.safeParse({ name: 'x', text: 'Hi {{customer.first_name}}' });
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    expect(message).toMatch(/^Unknown variable \{\{customer\.first_name\}\}\. Use one of/);
    expect(message).toContain('{{customer.firstName}}');
  });

  it('accepts known variables and applies defaults', () => {
    expect(CreateTemplateRequest.parse({ name: ' Hello ', text: 'Hi {{customer.firstName|there}}' })).toEqual(
      {
        name: 'Hello',
        text: 'Hi {{customer.firstName|there}}',
        language: 'en',
        channel: null,
        tagIds: [],
      },
    );
  });
});
