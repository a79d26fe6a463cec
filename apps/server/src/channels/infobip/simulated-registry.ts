import { readFileSync } from 'node:fs';

// Infobip's side of `GET /whatsapp/2/senders/{sender}/templates` (the WhatsApp template registry),
// built from the reference's examples. Shared by the test fake (fake-provider.ts) and the built-in
// sandbox (channels/sandbox), so both list templates exactly as the reference shows them.

/** `GET` path of a sender's template registry; the captured group is the sender. */
export const TEMPLATE_REGISTRY_PATH = /^\/whatsapp\/2\/senders\/([^/?]+)\/templates$/;

/** A registry entry as the reference describes it (`TemplateApiResponse`). */
export type RegistryEntry = Record<string, unknown>;

const examples = JSON.parse(
  readFileSync(new URL('./fixtures/whatsapp-template-examples.json', import.meta.url), 'utf8'),
) as Record<string, { templates: RegistryEntry[] }>;

/**
 * The templates of the reference's examples ("Media Template", "Media Template with Text header",
 * "Media Template with Buttons", "Text template"), each with an id of its own: the examples all
 * say "111", and a registry never repeats an id.
 */
export function exampleRegistryTemplates(): RegistryEntry[] {
  return Object.values(examples).flatMap((example, index) =>
    example.templates.map((template) => ({ ...structuredClone(template), id: String(111 + index) })),
  );
}

/**
 * A registry entry made from the reference's "Text template" example with the given fields
 * replaced (`structure` replaced whole), e.g. a template with a header placeholder, a PENDING one.
 */
export function registryTemplate(fields: RegistryEntry): RegistryEntry {
  const [base] = examples['Text template']?.templates ?? [];
  if (base === undefined) throw new Error('The registry examples have no "Text template"');
  return { ...structuredClone(base), ...fields };
}

/** The documented 200 answer listing `templates`. */
export function registryAnswer(templates: readonly RegistryEntry[]): { templates: RegistryEntry[] } {
  return { templates: [...templates] };
}
