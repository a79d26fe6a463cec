import { CreateTemplateRequest } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES } from './seed-templates.ts';

describe('demo templates', () => {
  it('are valid templates with unique names per language', () => {
    const keys = new Set<string>();
    for (const t of DEMO_TEMPLATES) {
      const parsed = CreateTemplateRequest.safeParse({ name: t.name, text: t.text, language: t.language });
      expect(parsed.error?.issues ?? [], t.name).toEqual([]);
      keys.add(`${t.language ?? 'en'}:${t.name.toLowerCase()}`);
    }
    expect(keys.size).toBe(DEMO_TEMPLATES.length);
  });
});
