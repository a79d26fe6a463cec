import { z } from 'zod';
import { Channel } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';
import { TemplateLanguage } from './template-languages.ts';
import { TEMPLATE_VARIABLES, unknownTemplateVariables } from './template-variables.ts';

/** Limits of the user-defined template catalogue (D7). */
export const TEMPLATE_LIMITS = {
  name: 100,
  /** A template is inserted into the reply box, so it fits one message. */
  text: LIMITS.messageText,
  tagsPerTemplate: 10,
  /** The whole catalogue is listed at once (the "/" picker searches it in the browser). */
  catalogue: 1000,
} as const;

/** A template tag as a template carries it. */
export const TemplateTagRef = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Chip colour, `#rrggbb`. */
  color: z.string(),
});
export type TemplateTagRef = z.infer<typeof TemplateTagRef>;

/** A user-defined template (D7): supervisors manage them, agents insert them into replies. */
export const Template = z.object({
  id: z.uuid(),
  /** Unique per language, ignoring case. */
  name: z.string(),
  /** The text with `{{variable}}` tokens (docs/templates.md). */
  text: z.string(),
  language: TemplateLanguage,
  /** The only channel it may be used on; null means every channel. */
  channel: Channel.nullable(),
  /** Template tags, by name. */
  tags: z.array(TemplateTagRef),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const TemplateList = z.object({ items: z.array(Template) });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplateListQuery = z.object({
  /** Part of the name or the text, ignoring case. */
  q: z.string().trim().max(200).default(''),
  /** Only templates carrying this template tag. */
  tagId: z.uuid().optional(),
  /** Only templates usable on this channel: restricted to it or unrestricted. */
  channel: Channel.optional(),
  language: TemplateLanguage.optional(),
});
export type TemplateListQuery = z.input<typeof TemplateListQuery>;

const TemplateName = z.string().trim().min(1).max(TEMPLATE_LIMITS.name);

const known = TEMPLATE_VARIABLES.map((v) => `{{${v.name}}}`).join(', ');
/** Template text: not blank, within one message, and only known variables. */
export const TemplateText = z
  .string()
  .max(TEMPLATE_LIMITS.text)
  .refine((t) => t.trim().length > 0, 'The text cannot be empty')
  .superRefine((text, check) => {
    const unknown = unknownTemplateVariables(text);
    if (unknown.length === 0) return;
    const names = unknown.map((name) => `{{${name}}}`).join(', ');
    check.addIssue({
      code: 'custom',
      message: `Unknown variable${unknown.length > 1 ? 's' : ''} ${names}. Use one of ${known}`,
    });
  });

const TagIds = z
  .array(z.uuid())
  .max(TEMPLATE_LIMITS.tagsPerTemplate)
  .refine((ids) => new Set(ids).size === ids.length, 'A tag is listed twice');

export const CreateTemplateRequest = z.object({
  name: TemplateName,
  text: TemplateText,
  language: TemplateLanguage.default('en'),
  /** Restrict to one channel; null or absent for every channel. */
  channel: Channel.nullable().default(null),
  /** Live template tags (kind `template`); an unknown one is `not_found`. */
  tagIds: TagIds.default([]),
});
export type CreateTemplateRequest = z.input<typeof CreateTemplateRequest>;

export const UpdateTemplateRequest = z
  .object({
    name: TemplateName,
    text: TemplateText,
    language: TemplateLanguage,
    channel: Channel.nullable(),
    /** Replaces the template's tags. */
    tagIds: TagIds,
  })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequest>;

/** Approval states of a WhatsApp pre-registered template, as the provider's registry reports them. */
export const WHATSAPP_TEMPLATE_STATUSES = [
  'APPROVED',
  'IN_APPEAL',
  'PENDING',
  'REJECTED',
  'PENDING_DELETION',
  'DELETED',
  'REINSTATED',
  'FLAGGED',
  'FIRST_PAUSED',
  'SECOND_PAUSED',
  'DISABLED',
] as const;
export type WhatsAppTemplateStatus = (typeof WHATSAPP_TEMPLATE_STATUSES)[number];

/** WhatsApp template categories. */
export const WHATSAPP_TEMPLATE_CATEGORIES = ['MARKETING', 'AUTHENTICATION', 'UTILITY'] as const;
export type WhatsAppTemplateCategory = (typeof WHATSAPP_TEMPLATE_CATEGORIES)[number];
