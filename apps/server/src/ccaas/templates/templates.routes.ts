import {
  CCAAS_TEMPLATE_ORDER_FIELDS,
  CcaasTemplate,
  CcaasTemplateListQuery,
  CcaasTemplatePage,
  languageName,
  toCcaasDateTime,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tagsOfTemplates } from '../../modules/templates/templates.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { ccaasNotFound } from '../errors.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { type CcaasTemplateRow, findTemplateById, findTemplatesPage } from './templates.query.ts';

const access = { access: 'api-key' } as const;

function contentOf(row: CcaasTemplateRow): Record<string, unknown> {
  if (!row.external) return { text: row.text };
  return {
    templateName: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    text: row.text,
    ...(row.header !== null && { header: row.header }),
    ...(row.footer !== null && { footer: row.footer }),
  };
}

/** Infobip's TemplateApiResponse for templates of both kinds, with the user-defined ones' tags. */
async function presentCcaasTemplates(orm: Orm, rows: readonly CcaasTemplateRow[]): Promise<CcaasTemplate[]> {
  const tagsByTemplate = await tagsOfTemplates(
    orm,
    rows.filter((r) => !r.external).map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    language: languageName(row.language),
    languageCode: row.language,
    ...(row.channel !== null && { channel: row.channel }),
    external: row.external,
    contentType: row.external ? 'TEMPLATE' : 'TEXT',
    content: contentOf(row),
    createdAt: toCcaasDateTime(row.createdAt),
    updatedAt: toCcaasDateTime(row.updatedAt),
    tags: (tagsByTemplate.get(row.id) ?? []).map((tag) => ({
      id: tag.id,
      name: tag.name,
      createdAt: toCcaasDateTime(tag.createdAt),
      updatedAt: toCcaasDateTime(tag.updatedAt),
    })),
    attachments: [],
    ...(row.sender !== null && { sender: row.sender }),
  }));
}

/** `/templates`: user-defined and WhatsApp pre-registered templates, read-only. */
export async function registerTemplateRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { orm } = ctx.db;

  app.get(
    '/templates',
    {
      config: access,
      schema: { querystring: CcaasTemplateListQuery, response: { 200: CcaasTemplatePage } },
    },
    async (request) => {
      // Newest first unless asked otherwise, as the reference says.
      const page = parsePage(request.query, CCAAS_TEMPLATE_ORDER_FIELDS, 'createdAt:desc');
      const { rows, total } = await findTemplatesPage(orm, request.query, page);
      return { templates: await presentCcaasTemplates(orm, rows), pagination: paginationOf(page, total) };
    },
  );

  app.get(
    '/templates/:templateId',
    {
      config: access,
      schema: { params: z.object({ templateId: z.string() }), response: { 200: CcaasTemplate } },
    },
    async (request) => {
      const { templateId } = request.params;
      const row = isUuid(templateId) ? await findTemplateById(orm, templateId) : undefined;
      if (!row) throw ccaasNotFound(templateId);
      const [template] = await presentCcaasTemplates(orm, [row]);
      return template;
    },
  );
}
