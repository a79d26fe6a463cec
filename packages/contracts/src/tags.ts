import { z } from 'zod';
import { TagKind } from './conversations-enums.ts';

/** A tag name (D11: at most LIMITS.tagName characters, refused with `limit_exceeded`). */
const TagName = z.string().trim().min(1);
/** Chip colour as `#rrggbb` (lower-case hex). */
const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .transform((c) => c.toLowerCase());

/**
 * The colours the tag screen offers (Mantine's palette, shade 6), so chips stay readable on white;
 * the API accepts any `#rrggbb`.
 */
export const TAG_PALETTE = [
  { name: 'Grey', color: '#868e96' },
  { name: 'Red', color: '#fa5252' },
  { name: 'Pink', color: '#e64980' },
  { name: 'Grape', color: '#be4bdb' },
  { name: 'Violet', color: '#7950f2' },
  { name: 'Indigo', color: '#4c6ef5' },
  { name: 'Blue', color: '#228be6' },
  { name: 'Cyan', color: '#15aabf' },
  { name: 'Teal', color: '#12b886' },
  { name: 'Green', color: '#40c057' },
  { name: 'Lime', color: '#82c91e' },
  { name: 'Yellow', color: '#fab005' },
  { name: 'Orange', color: '#fd7e14' },
] as const;

/** One entry of the D8 tag catalogue. */
export const Tag = z.object({
  id: z.uuid(),
  /** Unique within its kind, ignoring case; at most LIMITS.tagName characters. */
  name: z.string(),
  /** Chip colour, `#rrggbb`. */
  color: z.string(),
  /** Conversation tags and template tags are separate vocabularies. */
  kind: TagKind,
  createdAt: z.string(),
});
export type Tag = z.infer<typeof Tag>;

export const TagList = z.object({ items: z.array(Tag) });
export type TagList = z.infer<typeof TagList>;

export const TagListQuery = z.object({
  /** Which vocabulary to list; conversation tags by default. */
  kind: TagKind.default('conversation'),
});

export const CreateTagRequest = z.object({
  name: TagName,
  kind: TagKind.default('conversation'),
  /** Optional; a neutral grey when absent. */
  color: TagColor.optional(),
});
export type CreateTagRequest = z.input<typeof CreateTagRequest>;

export const UpdateTagRequest = z
  .object({ name: TagName, color: TagColor })
  .partial()
  .refine((b) => b.name !== undefined || b.color !== undefined, { message: 'Nothing to change' });
export type UpdateTagRequest = z.infer<typeof UpdateTagRequest>;

/**
 * How much a tag is used: what deleting it would touch. Open conversations lose it (each change
 * logged); CLOSED ones keep it (D2: never changed); templates lose it.
 */
export const TagUsage = z.object({
  tagId: z.uuid(),
  /** Non-CLOSED conversations carrying it. */
  openConversations: z.number().int(),
  /** CLOSED conversations carrying it. */
  closedConversations: z.number().int(),
  /** Templates carrying it (template tags). */
  templates: z.number().int(),
});
export type TagUsage = z.infer<typeof TagUsage>;

export const TagUsageList = z.object({ items: z.array(TagUsage) });
export type TagUsageList = z.infer<typeof TagUsageList>;
