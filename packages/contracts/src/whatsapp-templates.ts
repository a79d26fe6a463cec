import { z } from 'zod';
import { WHATSAPP_TEMPLATE_CATEGORIES, WHATSAPP_TEMPLATE_STATUSES } from './templates.ts';

// D7 WhatsApp pre-registered templates as Parley keeps them (synchronised from the provider's
// registry), the placeholders an agent fills, and how a filled template reads. The pure functions
// are shared by the server (validation, the stored message) and the web app (the picker's preview).

/** Header formats the registry knows; Parley sends TEXT, IMAGE, VIDEO, DOCUMENT and LOCATION. */
export const WHATSAPP_HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'] as const;
export type WhatsAppHeaderFormat = (typeof WHATSAPP_HEADER_FORMATS)[number];

export const WhatsAppTemplateHeader = z.object({
  format: z.enum(WHATSAPP_HEADER_FORMATS),
  /** TEXT headers: the text, with at most one placeholder `{{1}}`. */
  text: z.string().optional(),
});
export type WhatsAppTemplateHeader = z.infer<typeof WhatsAppTemplateHeader>;

export const WhatsAppTemplateButton = z.object({
  /**
   * Registry button type: URL, QUICK_REPLY, PHONE_NUMBER, COPY_CODE (a coupon) …; OTP_COPY_CODE is
   * an authentication template's copy-code button (the registry's `otpType: COPY_CODE`).
   */
  type: z.string(),
  text: z.string(),
  /** URL buttons; a trailing `{{1}}` makes the end of the URL a placeholder. */
  url: z.string().optional(),
  phoneNumber: z.string().optional(),
});
export type WhatsAppTemplateButton = z.infer<typeof WhatsAppTemplateButton>;

/** The parts of a template, as the registry defines them. */
export const WhatsAppTemplateComponents = z.object({
  header: WhatsAppTemplateHeader.nullable(),
  /** Body text with numbered placeholders `{{1}}`, `{{2}}` … */
  body: z.string(),
  footer: z.string().nullable(),
  buttons: z.array(WhatsAppTemplateButton),
});
export type WhatsAppTemplateComponents = z.infer<typeof WhatsAppTemplateComponents>;

/** One value the agent fills when sending a template. */
export const TemplatePlaceholder = z.object({
  /** `header.1`, `header.url`, `header.filename`, `header.latitude` …, `body.1`, `button.0` … */
  key: z.string(),
  component: z.enum(['HEADER', 'BODY', 'BUTTON']),
  /** What to ask the agent for ("Body {{2}}", "Header image URL"). */
  label: z.string(),
  kind: z.enum(['TEXT', 'URL', 'NUMBER']),
  required: z.boolean(),
  /** The registry's example value, when it gives one. */
  example: z.string().optional(),
  maxLength: z.number().int().optional(),
});
export type TemplatePlaceholder = z.infer<typeof TemplatePlaceholder>;

/** A WhatsApp pre-registered template of one WhatsApp connection (our sender), with its approval state. */
export const WhatsAppTemplate = WhatsAppTemplateComponents.extend({
  id: z.uuid(),
  connectionId: z.uuid(),
  /** Our WhatsApp number the template is registered for. */
  sender: z.string(),
  name: z.string(),
  /** WhatsApp language code (`en`, `pt_BR`). */
  language: z.string(),
  category: z.enum(WHATSAPP_TEMPLATE_CATEGORIES),
  /** Only APPROVED templates can be sent. */
  status: z.enum(WHATSAPP_TEMPLATE_STATUSES),
  placeholders: z.array(TemplatePlaceholder),
  /** Why Parley cannot send it (a carousel, a flow button …); null when it can. */
  unsupportedReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type WhatsAppTemplate = z.infer<typeof WhatsAppTemplate>;

export const WhatsAppTemplateList = z.object({ items: z.array(WhatsAppTemplate) });
export type WhatsAppTemplateList = z.infer<typeof WhatsAppTemplateList>;

/** `GET /api/whatsapp-templates`: every synchronised template, or those of one sender or state. */
export const WhatsAppTemplateListQuery = z.object({
  /** Our WhatsApp number (the conversation's sender). */
  sender: z.string().trim().min(1).max(200).optional(),
  status: z.enum(WHATSAPP_TEMPLATE_STATUSES).optional(),
});
export type WhatsAppTemplateListQuery = z.infer<typeof WhatsAppTemplateListQuery>;

/** The last synchronisation of one WhatsApp connection with the provider's template registry. */
export const WhatsAppTemplateSync = z.object({
  connectionId: z.uuid(),
  connectionName: z.string(),
  sender: z.string(),
  enabled: z.boolean(),
  /** When the registry was last read successfully; null before the first success. */
  syncedAt: z.string().nullable(),
  /** Why the last attempt failed; null when it succeeded. */
  error: z.string().nullable(),
  /** When the last attempt (successful or not) ended. */
  attemptedAt: z.string().nullable(),
  templateCount: z.number().int(),
});
export type WhatsAppTemplateSync = z.infer<typeof WhatsAppTemplateSync>;

export const WhatsAppTemplateSyncList = z.object({ items: z.array(WhatsAppTemplateSync) });
export type WhatsAppTemplateSyncList = z.infer<typeof WhatsAppTemplateSyncList>;

/** `POST /api/whatsapp-templates/sync`: one connection, or every enabled WhatsApp connection. */
export const SyncWhatsAppTemplatesRequest = z.object({ connectionId: z.uuid().optional() });
export type SyncWhatsAppTemplatesRequest = z.infer<typeof SyncWhatsAppTemplatesRequest>;

/** Values the agent filled, by placeholder key. */
export const TemplateParameters = z.record(z.string().max(40), z.string().max(1000));
export type TemplateParameters = z.infer<typeof TemplateParameters>;

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The distinct numbers of `{{n}}` placeholders in a text, ascending. */
export function placeholderNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(PLACEHOLDER)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
}

/** Button types Parley can send a template with; others (flow, catalog …) make it unsupported. */
const SENDABLE_BUTTONS = new Set(['URL', 'QUICK_REPLY', 'PHONE_NUMBER', 'COPY_CODE', 'OTP_COPY_CODE']);

/** Why a template with these components cannot be sent by Parley; null when it can. */
export function unsupportedComponentsReason(components: WhatsAppTemplateComponents): string | null {
  if (components.header?.format === 'GIF') return 'GIF headers cannot be sent through the Messages API';
  const button = components.buttons.find((b) => !SENDABLE_BUTTONS.has(b.type));
  return button ? `${button.type} buttons are not supported` : null;
}

const isDynamicUrl = (button: WhatsAppTemplateButton) =>
  button.type === 'URL' && placeholderNumbers(button.url ?? '').length > 0;

function headerPlaceholders(header: WhatsAppTemplateHeader | null): TemplatePlaceholder[] {
  const base = { component: 'HEADER' as const, required: true };
  switch (header?.format) {
    case 'TEXT':
      return placeholderNumbers(header.text ?? '').map((n) => ({
        ...base,
        key: `header.${n}`,
        label: `Header {{${n}}}`,
        kind: 'TEXT',
      }));
    case 'IMAGE':
    case 'VIDEO':
      return [
        { ...base, key: 'header.url', label: `Header ${header.format.toLowerCase()} URL`, kind: 'URL' },
      ];
    case 'DOCUMENT':
      return [
        { ...base, key: 'header.url', label: 'Header document URL', kind: 'URL' },
        { ...base, key: 'header.filename', label: 'Document file name', kind: 'TEXT', maxLength: 240 },
      ];
    case 'LOCATION':
      return [
        { ...base, key: 'header.latitude', label: 'Header location latitude', kind: 'NUMBER' },
        { ...base, key: 'header.longitude', label: 'Header location longitude', kind: 'NUMBER' },
      ];
    default:
      return [];
  }
}

/**
 * Every value an agent fills to send a template, in the order the template reads: the header's,
 * the body's `{{1}}`, `{{2}}` …, then each button that takes one (a dynamic URL's suffix, a coupon
 * code). `bodyExamples` are the registry's examples of the body placeholders, in order.
 */
export function templatePlaceholders(
  components: WhatsAppTemplateComponents,
  bodyExamples: readonly string[] = [],
): TemplatePlaceholder[] {
  const body = placeholderNumbers(components.body).map(
    (n): TemplatePlaceholder => ({
      key: `body.${n}`,
      component: 'BODY',
      label: `Body {{${n}}}`,
      kind: 'TEXT',
      required: true,
      ...(bodyExamples[n - 1] !== undefined && { example: bodyExamples[n - 1] }),
    }),
  );
  const buttons = components.buttons.flatMap((button, index): TemplatePlaceholder[] => {
    if (isDynamicUrl(button)) {
      const label = `Button “${button.text}”: end of ${button.url?.replace(PLACEHOLDER, '…')}`;
      return [{ key: `button.${index}`, component: 'BUTTON', label, kind: 'TEXT', required: true }];
    }
    if (button.type === 'COPY_CODE' || button.type === 'OTP_COPY_CODE') {
      const label = `Button “${button.text}”: code to copy`;
      return [
        { key: `button.${index}`, component: 'BUTTON', label, kind: 'TEXT', required: true, maxLength: 15 },
      ];
    }
    return [];
  });
  return [...headerPlaceholders(components.header), ...body, ...buttons];
}

function valueProblem(placeholder: TemplatePlaceholder, value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return placeholder.required ? `${placeholder.label} is required` : null;
  if (placeholder.maxLength !== undefined && [...trimmed].length > placeholder.maxLength) {
    return `${placeholder.label} is longer than ${placeholder.maxLength} characters`;
  }
  if (placeholder.kind === 'URL' && !/^https?:\/\/\S+$/i.test(trimmed)) {
    return `${placeholder.label} must be an http(s) URL`;
  }
  if (placeholder.kind === 'NUMBER') {
    const number = Number(trimmed);
    const limit = placeholder.key.endsWith('latitude') ? 90 : 180;
    if (!Number.isFinite(number) || Math.abs(number) > limit) {
      return `${placeholder.label} must be a number between -${limit} and ${limit}`;
    }
  }
  return null;
}

/** What is wrong with the filled values (missing, malformed or unknown ones); empty when they fit. */
export function templateParameterProblems(
  placeholders: readonly TemplatePlaceholder[],
  parameters: TemplateParameters,
): string[] {
  const known = new Set(placeholders.map((p) => p.key));
  const unknown = Object.keys(parameters).filter((key) => !known.has(key));
  return [
    ...placeholders.flatMap((p) => valueProblem(p, parameters[p.key]) ?? []),
    ...unknown.map((key) => `The template has no placeholder ${key}`),
  ];
}

/** Replaces `{{n}}` with `values[n]` (trimmed); a missing value leaves the placeholder visible. */
export function fillPlaceholders(text: string, values: (n: number) => string | undefined): string {
  return text.replace(PLACEHOLDER, (token, n: string) => values(Number(n))?.trim() || token);
}

/** A button of a sent template: what it shows and, for a dynamic one, the value sent with it. */
export const FilledTemplateButton = z.object({
  type: z.string(),
  text: z.string(),
  /** The URL suffix or code the agent filled. */
  parameter: z.string().optional(),
});
export type FilledTemplateButton = z.infer<typeof FilledTemplateButton>;

/** The header of a sent template: its text filled in, or the media or place it shows. */
export const FilledTemplateHeader = z.object({
  format: z.enum(WHATSAPP_HEADER_FORMATS),
  /** TEXT: the header as the customer reads it. */
  text: z.string().optional(),
  /** TEXT: the value of its `{{1}}`. */
  parameter: z.string().optional(),
  url: z.string().optional(),
  fileName: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});
export type FilledTemplateHeader = z.infer<typeof FilledTemplateHeader>;

/** The parts of a sent WhatsApp template besides its body (a message's `content.template`). */
export const FilledTemplateParts = z.object({
  header: FilledTemplateHeader.optional(),
  footer: z.string().optional(),
  buttons: z.array(FilledTemplateButton).optional(),
});
export type FilledTemplateParts = z.infer<typeof FilledTemplateParts>;

function filledHeader(header: WhatsAppTemplateHeader, get: (key: string) => string | undefined) {
  const value = (key: string) => get(`header.${key}`)?.trim() || undefined;
  const number = (key: string) => {
    const text = value(key);
    return text === undefined ? undefined : Number(text);
  };
  const filled: FilledTemplateHeader = { format: header.format };
  if (header.format === 'TEXT') {
    filled.text = fillPlaceholders(header.text ?? '', (n) => value(String(n)));
    const parameter = value('1');
    if (parameter !== undefined) filled.parameter = parameter;
  } else if (header.format === 'LOCATION') {
    Object.assign(filled, { latitude: number('latitude'), longitude: number('longitude') });
  } else {
    Object.assign(filled, { url: value('url'), fileName: value('filename') });
  }
  return Object.fromEntries(
    Object.entries(filled).filter(([, v]) => v !== undefined),
  ) as FilledTemplateHeader;
}

/**
 * A template filled with the agent's values, as it is stored on the message and shown in the
 * timeline: `text` is the body as the customer reads it, `placeholders` the body values in order.
 */
export function fillWhatsAppTemplate(
  template: WhatsAppTemplateComponents & { name: string; language: string },
  parameters: TemplateParameters,
) {
  const get = (key: string) => parameters[key];
  const bodyNumbers = placeholderNumbers(template.body);
  const buttons = template.buttons.map((button, index): FilledTemplateButton => {
    const parameter = get(`button.${index}`)?.trim();
    return { type: button.type, text: button.text, ...(parameter && { parameter }) };
  });
  return {
    templateName: template.name,
    language: template.language,
    text: fillPlaceholders(template.body, (n) => get(`body.${n}`)),
    placeholders: bodyNumbers.map((n) => get(`body.${n}`)?.trim() ?? ''),
    template: {
      ...(template.header && { header: filledHeader(template.header, get) }),
      ...(template.footer && { footer: template.footer }),
      ...(buttons.length > 0 && { buttons }),
    },
  };
}
