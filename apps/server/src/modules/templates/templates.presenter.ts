import type { Template } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { type TemplateRow, tagsOfTemplates } from './templates.repo.ts';

/** The one shape of user-defined templates in every `/api` output, with their tags (one query). */
export async function presentTemplates(orm: Orm, rows: readonly TemplateRow[]): Promise<Template[]> {
  const tagsByTemplate = await tagsOfTemplates(
    orm,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    text: row.text,
    language: row.language,
    channel: row.channel,
    tags: (tagsByTemplate.get(row.id) ?? []).map((t) => ({ id: t.id, name: t.name, color: t.color })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function presentTemplate(orm: Orm, row: TemplateRow): Promise<Template> {
  const [template] = await presentTemplates(orm, [row]);
  if (!template) throw new Error('presenting one template gave none');
  return template;
}
