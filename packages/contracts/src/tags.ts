import { z } from 'zod';
import { TagKind } from './conversations-enums.ts';

/** A tag name (D11: at most LIMITS.tagName characters, refused with `limit_exceeded`). */
const TagName = z.string().trim().min(1);
/** Chip colour as `#rrggbb` (lower-case hex). */
const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .transform((c) => c.toLowerCase());

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
