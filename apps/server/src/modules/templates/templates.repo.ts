import type { Channel, TemplateLanguage } from '@parley/contracts';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import type { TagRow } from '../tags/tags.repo.ts';
import { tags } from '../tags/tags.schema.ts';
import { templates, templateTags } from './templates.schema.ts';

export type TemplateRow = typeof templates.$inferSelect;

/** Filters of the template list, all optional and combined with AND. */
export interface TemplateFilter {
  /** Part of the name or text, ignoring case. */
  q?: string;
  tagId?: string;
  /** Usable on this channel: restricted to it or unrestricted. */
  channel?: Channel;
  language?: TemplateLanguage;
}

/** The templates matching the filter, by name (then language). */
export function listTemplateRows(orm: Orm, filter: TemplateFilter): Promise<TemplateRow[]> {
  const q = filter.q?.trim();
  return orm
    .select()
    .from(templates)
    .where(
      and(
        q
          ? or(ilike(templates.name, containsPattern(q)), ilike(templates.text, containsPattern(q)))
          : undefined,
        filter.tagId
          ? inArray(
              templates.id,
              orm
                .select({ id: templateTags.templateId })
                .from(templateTags)
                .where(eq(templateTags.tagId, filter.tagId)),
            )
          : undefined,
        filter.channel ? or(isNull(templates.channel), eq(templates.channel, filter.channel)) : undefined,
        filter.language ? eq(templates.language, filter.language) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${templates.name})`), asc(templates.language), asc(templates.id));
}

export async function findTemplateRow(orm: Orm, id: string): Promise<TemplateRow | undefined> {
  const [row] = await orm.select().from(templates).where(eq(templates.id, id));
  return row;
}

/** The tags of each template, by name; templates without tags are absent from the map. */
export async function tagsOfTemplates(
  orm: Orm,
  templateIds: readonly string[],
): Promise<Map<string, TagRow[]>> {
  const byTemplate = new Map<string, TagRow[]>();
  if (templateIds.length === 0) return byTemplate;
  const rows = await orm
    .select({ templateId: templateTags.templateId, tag: tags })
    .from(templateTags)
    .innerJoin(tags, eq(tags.id, templateTags.tagId))
    .where(inArray(templateTags.templateId, [...templateIds]))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
  for (const { templateId, tag } of rows) {
    byTemplate.set(templateId, [...(byTemplate.get(templateId) ?? []), tag]);
  }
  return byTemplate;
}

export function countTemplates(tx: Orm): Promise<{ total: number }[]> {
  return tx.select({ total: count() }).from(templates);
}

export async function insertTemplate(
  tx: Orm,
  values: Pick<TemplateRow, 'name' | 'text' | 'language' | 'channel'>,
): Promise<TemplateRow> {
  const [row] = await tx
    .insert(templates)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into templates returned no row');
  return row;
}

/** Changes a template (always touching `updated_at`); undefined when there is none. */
export async function updateTemplateRow(
  tx: Orm,
  id: string,
  patch: Partial<Pick<TemplateRow, 'name' | 'text' | 'language' | 'channel'>>,
): Promise<TemplateRow | undefined> {
  const [row] = await tx
    .update(templates)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(templates.id, id))
    .returning();
  return row;
}

export async function deleteTemplateRow(tx: Orm, id: string): Promise<TemplateRow | undefined> {
  const [row] = await tx.delete(templates).where(eq(templates.id, id)).returning();
  return row;
}

/** Replaces the template's tags. */
export async function replaceTemplateTags(
  tx: Orm,
  templateId: string,
  tagIds: readonly string[],
): Promise<void> {
  await tx.delete(templateTags).where(eq(templateTags.templateId, templateId));
  if (tagIds.length > 0) {
    await tx.insert(templateTags).values(tagIds.map((tagId) => ({ templateId, tagId })));
  }
}

/** Takes a (deleted) tag off every template, which counts as a change of those templates. */
export async function removeTagFromTemplates(tx: Orm, tagId: string): Promise<void> {
  const rows = await tx
    .delete(templateTags)
    .where(eq(templateTags.tagId, tagId))
    .returning({ templateId: templateTags.templateId });
  if (rows.length === 0) return;
  await tx
    .update(templates)
    .set({ updatedAt: sql`now()` })
    .where(
      inArray(
        templates.id,
        rows.map((r) => r.templateId),
      ),
    );
}
