import { type CcaasTemplateListQuery, languageCodeOf, type TemplateLanguage } from '@parley/contracts';
import { and, count, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { channelConnections } from '../../modules/channel-connections/channel-connections.schema.ts';
import { templates } from '../../modules/templates/templates.schema.ts';
import { whatsappTemplates } from '../../modules/templates/whatsapp-templates.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

export type TemplateOrderField = 'id' | 'name' | 'createdAt' | 'updatedAt';

/** One template of either kind, in the columns both share. */
export interface CcaasTemplateRow {
  id: string;
  external: boolean;
  name: string;
  language: string;
  /** Null for a user-defined template usable on every channel. */
  channel: string | null;
  /** The user-defined text or the WhatsApp body. */
  text: string;
  category: string | null;
  status: string | null;
  header: string | null;
  footer: string | null;
  /** Our WhatsApp number (WhatsApp templates). */
  sender: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The filters of get-templates, without the paging. */
type TemplateFilters = Omit<CcaasTemplateListQuery, 'page' | 'limit' | 'orderBy'>;

const text = (value: SQL | PgColumn, alias: string) => sql<string | null>`${value}`.as(alias);

/** Conditions on created/updated times, for either table. */
function timeFilters(
  query: TemplateFilters,
  columns: { createdAt: PgColumn; updatedAt: PgColumn },
): (SQL | undefined)[] {
  return [
    query.createdAfter && gt(columns.createdAt, query.createdAfter),
    query.createdBefore && lt(columns.createdAt, query.createdBefore),
    query.updatedAfter && gt(columns.updatedAt, query.updatedAfter),
    query.updatedBefore && lt(columns.updatedAt, query.updatedBefore),
  ];
}

/** User-defined templates matching the filters (TEXT content, usable on the channel or on all). */
function userDefined(orm: Orm, query: TemplateFilters, languageCode: TemplateLanguage | undefined) {
  const matches =
    (query.contentType === undefined || query.contentType === 'TEXT') &&
    (query.language === undefined || languageCode !== undefined);
  return orm
    .select({
      id: templates.id,
      external: sql<boolean>`false`.as('external'),
      name: templates.name,
      language: sql<string>`${templates.language}`.as('language'),
      channel: text(templates.channel, 'channel'),
      text: templates.text,
      category: text(sql`null`, 'category'),
      status: text(sql`null`, 'status'),
      header: text(sql`null`, 'header'),
      footer: text(sql`null`, 'footer'),
      sender: text(sql`null`, 'sender'),
      createdAt: templates.createdAt,
      updatedAt: templates.updatedAt,
    })
    .from(templates)
    .where(
      and(
        matches ? undefined : sql`false`,
        query.channel
          ? or(isNull(templates.channel), sql`${templates.channel} = ${query.channel}`)
          : undefined,
        languageCode ? eq(templates.language, languageCode) : undefined,
        ...timeFilters(query, templates),
      ),
    );
}

/** WhatsApp pre-registered templates matching the filters (TEMPLATE content, WHATSAPP channel). */
function whatsapp(orm: Orm, query: TemplateFilters, languageCode: TemplateLanguage | undefined) {
  const matches =
    (query.contentType === undefined || query.contentType === 'TEMPLATE') &&
    (query.channel === undefined || query.channel === 'WHATSAPP') &&
    (query.language === undefined || languageCode !== undefined);
  return orm
    .select({
      id: whatsappTemplates.id,
      external: sql<boolean>`true`.as('external'),
      name: whatsappTemplates.name,
      language: whatsappTemplates.language,
      channel: text(sql`'WHATSAPP'`, 'channel'),
      text: whatsappTemplates.body,
      category: text(whatsappTemplates.category, 'category'),
      status: text(whatsappTemplates.status, 'status'),
      header: text(whatsappTemplates.header, 'header'),
      footer: text(whatsappTemplates.footer, 'footer'),
      sender: text(channelConnections.sender, 'sender'),
      createdAt: whatsappTemplates.createdAt,
      updatedAt: whatsappTemplates.updatedAt,
    })
    .from(whatsappTemplates)
    .innerJoin(channelConnections, eq(channelConnections.id, whatsappTemplates.connectionId))
    .where(
      and(
        matches ? undefined : sql`false`,
        languageCode ? eq(whatsappTemplates.language, languageCode) : undefined,
        ...timeFilters(query, whatsappTemplates),
      ),
    );
}

/** Both kinds of template matching the filters, as one table to page over. */
function allTemplates(orm: Orm, query: TemplateFilters) {
  const languageCode = query.language === undefined ? undefined : languageCodeOf(query.language);
  return userDefined(orm, query, languageCode)
    .unionAll(whatsapp(orm, query, languageCode))
    .as('all_templates');
}

/** A page of templates of both kinds, and how many match in all. */
export async function findTemplatesPage(
  orm: Orm,
  query: CcaasTemplateListQuery,
  page: PageRequest<TemplateOrderField>,
): Promise<{ rows: CcaasTemplateRow[]; total: number }> {
  const all = allTemplates(orm, query);
  const columns = {
    id: all.id,
    name: sql`lower(${all.name})`,
    createdAt: all.createdAt,
    updatedAt: all.updatedAt,
  };
  const rows = orm.select().from(all).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(all), page, columns);
}

/** One template of either kind by id, or undefined. */
export async function findTemplateById(orm: Orm, id: string): Promise<CcaasTemplateRow | undefined> {
  const all = allTemplates(orm, {});
  const [row] = await orm.select().from(all).where(eq(all.id, id));
  return row;
}
