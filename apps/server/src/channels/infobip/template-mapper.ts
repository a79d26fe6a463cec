import {
  templatePlaceholders,
  unsupportedComponentsReason,
  WHATSAPP_HEADER_FORMATS,
  WHATSAPP_TEMPLATE_CATEGORIES,
  WHATSAPP_TEMPLATE_STATUSES,
  type WhatsAppHeaderFormat,
  type WhatsAppTemplateButton,
  type WhatsAppTemplateComponents,
} from '@parley/contracts';
import { z } from 'zod';
import type { RegistryTemplate } from '../../modules/whatsapp-templates/whatsapp-templates.repo.ts';

// Infobip's WhatsApp template registry (`GET /whatsapp/2/senders/{sender}/templates`, the reference
// infobip-whatsapp-openapi.json `TemplatesApiResponse`) → Parley's templates. Loose shapes: a field
// Infobip adds later must not make a template disappear.

const RegistryButton = z.looseObject({
  type: z.string().optional(),
  /** Authentication templates name their button by OTP type instead (COPY_CODE, ONE_TAP). */
  otpType: z.string().optional(),
  text: z.string().optional(),
  url: z.string().optional(),
  phoneNumber: z.string().optional(),
});

const RegistryStructure = z.looseObject({
  header: z.looseObject({ format: z.string(), text: z.string().optional() }).optional(),
  body: z.looseObject({ text: z.string().optional(), examples: z.array(z.string()).optional() }).optional(),
  footer: z.looseObject({ text: z.string().optional() }).optional(),
  buttons: z.array(RegistryButton).optional(),
  carousel: z.unknown().optional(),
  limitedTimeOffer: z.unknown().optional(),
  type: z.string().optional(),
});

const RegistryTemplateItem = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  name: z.string().min(1),
  language: z.string().min(1),
  status: z.enum(WHATSAPP_TEMPLATE_STATUSES),
  category: z.enum(WHATSAPP_TEMPLATE_CATEGORIES),
  structure: RegistryStructure,
});

/** The 200 answer of get-whatsapp-templates. */
export const RegistryResponse = z.looseObject({ templates: z.array(z.unknown()) });

/** A registry entry Parley could not read, with why (logged by the synchronisation). */
export interface SkippedTemplate {
  name: string;
  reason: string;
}

function toButton(button: z.infer<typeof RegistryButton>): WhatsAppTemplateButton {
  const type = button.type ?? (button.otpType ? `OTP_${button.otpType}` : 'UNKNOWN');
  return {
    type,
    text: button.text ?? (type === 'OTP_COPY_CODE' ? 'Copy code' : ''),
    ...(button.url !== undefined && { url: button.url }),
    ...(button.phoneNumber !== undefined && { phoneNumber: button.phoneNumber }),
  };
}

function structureReason(structure: z.infer<typeof RegistryStructure>): string | null {
  if (structure.carousel !== undefined) return 'Carousel templates are not supported';
  if (structure.limitedTimeOffer !== undefined) return 'Limited-time offer templates are not supported';
  if (structure.type === 'UNSUPPORTED') return 'Infobip marks this template as unsupported';
  return null;
}

const HEADER_FORMATS = new Set<string>(WHATSAPP_HEADER_FORMATS);

function toTemplate(item: z.infer<typeof RegistryTemplateItem>): RegistryTemplate {
  const { structure } = item;
  const header = structure.header;
  const knownHeader = header !== undefined && HEADER_FORMATS.has(header.format);
  const components: WhatsAppTemplateComponents = {
    header: knownHeader
      ? {
          format: header.format as WhatsAppHeaderFormat,
          ...(header.text !== undefined && { text: header.text }),
        }
      : null,
    body: structure.body?.text ?? '',
    footer: structure.footer?.text ?? null,
    buttons: (structure.buttons ?? []).map(toButton),
  };
  const unsupportedReason =
    (header !== undefined && !knownHeader ? `${header.format} headers are not supported` : null) ??
    structureReason(structure) ??
    unsupportedComponentsReason(components);
  return {
    externalId: String(item.id),
    name: item.name,
    language: item.language,
    category: item.category,
    status: item.status,
    components,
    placeholders: templatePlaceholders(components, structure.body?.examples ?? []),
    unsupportedReason,
  };
}

/** Maps a registry answer: every readable template, and the entries skipped with their reason. */
export function mapRegistryTemplates(templates: readonly unknown[]): {
  templates: RegistryTemplate[];
  skipped: SkippedTemplate[];
} {
  const out: { templates: RegistryTemplate[]; skipped: SkippedTemplate[] } = { templates: [], skipped: [] };
  for (const entry of templates) {
    const parsed = RegistryTemplateItem.safeParse(entry);
    if (parsed.success) {
      out.templates.push(toTemplate(parsed.data));
    } else {
      const name = (entry as { name?: unknown } | null)?.name;
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
      out.skipped.push({
        name: typeof name === 'string' ? name : '(unnamed)',
        reason: `unreadable ${fields}`,
      });
    }
  }
  return out;
}
