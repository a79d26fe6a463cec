import { z } from 'zod';
import { TEMPLATE_LANGUAGES } from '../template-languages.ts';
import { CcaasDateTime, CcaasPageQuery, CcaasPagination } from './common.ts';

// `/ccaas/1/templates`: user-defined templates (external false) and WhatsApp pre-registered ones
// (external true), read-only, as the Infobip Conversations API's TemplateApiResponse.

/** A template tag (Infobip TemplateTagApiResponse). */
export const CcaasTemplateTag = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A template (Infobip TemplateApiResponse). */
export const CcaasTemplate = z.object({
  id: z.string(),
  name: z.string(),
  /** Language name (`English`, `Spanish (MEX)`). */
  language: z.string(),
  /** Language code (`en`, `es_MX`). */
  languageCode: z.string(),
  /** The channel it is for; absent for a user-defined template usable on every channel. */
  channel: z.string().optional(),
  /** True for a WhatsApp pre-registered template, false for a user-defined one. */
  external: z.boolean(),
  /** TEXT for user-defined templates, TEMPLATE for WhatsApp ones. */
  contentType: z.string(),
  /** `{text}` for user-defined templates; WhatsApp ones add name, category, status, header and footer. */
  content: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(CcaasTemplateTag),
  /** Parley templates carry no files: always empty. */
  attachments: z.array(z.never()),
  /** Our WhatsApp sender number (WhatsApp templates only). */
  sender: z.string().optional(),
});
export type CcaasTemplate = z.infer<typeof CcaasTemplate>;

/** A page of templates. */
export const CcaasTemplatePage = z.object({
  templates: z.array(CcaasTemplate),
  pagination: CcaasPagination,
});

/** The channels get-templates filters by (the reference's list). */
export const CCAAS_TEMPLATE_CHANNELS = [
  'SMS',
  'VIBER',
  'FACEBOOK_MESSENGER',
  'WHATSAPP',
  'RCS',
  'EMAIL',
  'LIVE_CHAT',
  'APPLE_BUSINESS_CHAT',
  'LINE',
  'TELEGRAM',
  'VIBER_BOT',
  'FACEBOOK_POST',
  'INSTAGRAM_POST',
  'INSTAGRAM_MESSAGING',
  'GOOGLE_PLAY',
  'KAKAO_SANGDAM',
] as const;

const LANGUAGE_NAMES = TEMPLATE_LANGUAGES.map((l) => l.name) as [string, ...string[]];

/** Filters of get-templates (all optional, combined with AND). */
export const CcaasTemplateListQuery = CcaasPageQuery.extend({
  /** Templates usable on this channel (user-defined ones without a restriction included). */
  channel: z.enum(CCAAS_TEMPLATE_CHANNELS).optional(),
  /** Language name as the reference spells it (`English (UK)`). */
  language: z.enum(LANGUAGE_NAMES).optional(),
  createdAfter: CcaasDateTime.optional(),
  createdBefore: CcaasDateTime.optional(),
  updatedAfter: CcaasDateTime.optional(),
  updatedBefore: CcaasDateTime.optional(),
  /** A ContentType: TEXT (user-defined) or TEMPLATE (WhatsApp); any other matches nothing. */
  contentType: z
    .string()
    .regex(/^[A-Z_]+$/, 'must be a content type such as TEXT')
    .optional(),
});
export type CcaasTemplateListQuery = z.infer<typeof CcaasTemplateListQuery>;

/** Fields a template list can be ordered by; the default is `createdAt:desc` (newest first). */
export const CCAAS_TEMPLATE_ORDER_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
