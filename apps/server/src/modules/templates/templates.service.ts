import type { CreateTemplateRequest, UpdateTemplateRequest } from '@parley/contracts';
import { languageName, TEMPLATE_LIMITS } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { lockLiveTagsForShare } from '../tags/tags.repo.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  countTemplates,
  deleteTemplateRow,
  findTemplateRow,
  insertTemplate,
  replaceTemplateTags,
  type TemplateRow,
  updateTemplateRow,
} from './templates.repo.ts';

type NewTemplate = z.output<typeof CreateTemplateRequest>;

const templatePayload = (t: TemplateRow) => ({ id: t.id, name: t.name, language: t.language });

/** The tags exist, are live template tags, and stay so until the transaction commits. */
async function lockTemplateTags(tx: Orm, tagIds: readonly string[]): Promise<void> {
  const live = await lockLiveTagsForShare(tx, 'template', tagIds);
  if (live.length !== tagIds.length) throw notFound('Tag');
}

async function unlessNameTaken<T>(name: string, language: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A template named ${name} already exists in ${languageName(language)}`);
    }
    throw error;
  }
}

/** A template, or `not_found`. */
export async function getTemplate(orm: Orm, id: string): Promise<TemplateRow> {
  const template = await findTemplateRow(orm, id);
  if (!template) throw notFound('Template');
  return template;
}

/** A supervisor adds a template (D7); the catalogue holds at most TEMPLATE_LIMITS.catalogue. */
export function createTemplate(events: Events, input: NewTemplate): Promise<TemplateRow> {
  return events.transact(async ({ tx, emit }) => {
    // Serialises creations so two cannot both take the last place in the catalogue.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley.templates.create'))`);
    const [counted] = await countTemplates(tx);
    if ((counted?.total ?? 0) >= TEMPLATE_LIMITS.catalogue) {
      throw new AppError(
        'limit_exceeded',
        422,
        `There are already ${TEMPLATE_LIMITS.catalogue} templates; delete unused ones first`,
      );
    }
    await lockTemplateTags(tx, input.tagIds);
    const template = await unlessNameTaken(input.name, input.language, () =>
      insertTemplate(tx, {
        name: input.name,
        text: input.text,
        language: input.language,
        channel: input.channel,
      }),
    );
    await replaceTemplateTags(tx, template.id, input.tagIds);
    emit('template.created', templatePayload(template));
    return template;
  });
}

/** A supervisor changes a template; `tagIds` replaces its tags. */
export function updateTemplate(
  events: Events,
  id: string,
  patch: UpdateTemplateRequest,
): Promise<TemplateRow> {
  const { tagIds, ...fields } = patch;
  return events.transact(async ({ tx, emit }) => {
    if (tagIds) await lockTemplateTags(tx, tagIds);
    const current = await findTemplateRow(tx, id);
    if (!current) throw notFound('Template');
    const template = await unlessNameTaken(
      fields.name ?? current.name,
      fields.language ?? current.language,
      () => updateTemplateRow(tx, id, fields),
    );
    if (!template) throw notFound('Template');
    if (tagIds) await replaceTemplateTags(tx, id, tagIds);
    emit('template.updated', templatePayload(template));
    return template;
  });
}

/** A supervisor removes a template; messages already sent with it keep their text. */
export function deleteTemplate(events: Events, id: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const template = await deleteTemplateRow(tx, id);
    if (!template) throw notFound('Template');
    emit('template.deleted', templatePayload(template));
  });
}
