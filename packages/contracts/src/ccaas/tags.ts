import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { CcaasPageQuery, CcaasPagination } from './common.ts';

/** A conversation tag of the catalogue (Infobip TagApiResponse). */
export const CcaasTag = z.object({
  /** Tag id. */
  id: z.string(),
  /** Tag name, unique ignoring case. */
  name: z.string(),
  /** When the tag was created. */
  createdAt: z.string(),
  /** When it was last renamed or recoloured. */
  updatedAt: z.string(),
});
export type CcaasTag = z.infer<typeof CcaasTag>;

/** GET /tags filters and paging. */
export const CcaasTagListQuery = CcaasPageQuery.extend({
  /** Only the tags on this conversation. */
  conversationId: z.string().optional(),
  /** Only the tag with this name (ignoring case). */
  name: z.string().optional(),
});
export type CcaasTagListQuery = z.infer<typeof CcaasTagListQuery>;

/** Fields a tag list can be ordered by. */
export const CCAAS_TAG_ORDER_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;

/** A page of tags. */
export const CcaasTagPage = z.object({ tags: z.array(CcaasTag), pagination: CcaasPagination });

/** POST /tags. */
export const CcaasCreateTagBody = z.object({
  /** The new tag's name. */
  name: z.string().trim().min(1, 'must not be blank').max(LIMITS.tagName),
});
