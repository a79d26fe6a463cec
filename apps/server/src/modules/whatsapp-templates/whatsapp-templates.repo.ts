import type {
  TemplatePlaceholder,
  WhatsAppTemplateCategory,
  WhatsAppTemplateComponents,
  WhatsAppTemplateListQuery,
  WhatsAppTemplateStatus,
} from '@parley/contracts';
import { and, asc, count, eq, getTableColumns, notInArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { whatsappTemplates } from '../templates/whatsapp-templates.schema.ts';
import { whatsappTemplateSyncs } from './whatsapp-template-syncs.schema.ts';

export type WhatsAppTemplateRow = typeof whatsappTemplates.$inferSelect & { sender: string };

/** One template as a provider's registry lists it, in Parley's words (the channel adapter maps it). */
export interface RegistryTemplate {
  /** The provider's template id. */
  externalId: string;
  name: string;
  language: string;
  category: WhatsAppTemplateCategory;
  status: WhatsAppTemplateStatus;
  components: WhatsAppTemplateComponents;
  placeholders: TemplatePlaceholder[];
  unsupportedReason: string | null;
}

const columns = { ...getTableColumns(whatsappTemplates), sender: channelConnections.sender };

function selectTemplates(orm: Orm) {
  return orm
    .select(columns)
    .from(whatsappTemplates)
    .innerJoin(channelConnections, eq(channelConnections.id, whatsappTemplates.connectionId));
}

/** Synchronised templates, of one sender or approval state when asked, by name then language. */
export function listWhatsAppTemplateRows(
  orm: Orm,
  query: WhatsAppTemplateListQuery,
): Promise<WhatsAppTemplateRow[]> {
  return selectTemplates(orm)
    .where(
      and(
        eq(channelConnections.channel, 'WHATSAPP'),
        query.sender ? eq(channelConnections.sender, query.sender) : undefined,
        query.status ? eq(whatsappTemplates.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${whatsappTemplates.name})`), asc(whatsappTemplates.language));
}

/** How a reply names its template: by our id (the web app) or by name and language (`/ccaas/1`). */
export type TemplateRef = { id: string } | { name: string; language: string };

/** The template `ref` of the enabled WhatsApp connection sending as `sender`, if there is one. */
export async function findSenderTemplate(
  orm: Orm,
  sender: string,
  ref: TemplateRef,
): Promise<WhatsAppTemplateRow | undefined> {
  const [row] = await selectTemplates(orm).where(
    and(
      eq(channelConnections.channel, 'WHATSAPP'),
      eq(channelConnections.sender, sender),
      eq(channelConnections.enabled, true),
      'id' in ref
        ? eq(whatsappTemplates.id, ref.id)
        : and(eq(whatsappTemplates.name, ref.name), eq(whatsappTemplates.language, ref.language)),
    ),
  );
  return row;
}

/**
 * Makes the connection's templates exactly what the registry listed: new ones inserted, known ones
 * (same provider id) updated in place — their ids stay — and the ones no longer listed deleted.
 */
export async function replaceConnectionTemplates(
  tx: Orm,
  connectionId: string,
  templates: readonly RegistryTemplate[],
): Promise<void> {
  const externalIds = templates.map((t) => t.externalId);
  await tx
    .delete(whatsappTemplates)
    .where(
      and(
        eq(whatsappTemplates.connectionId, connectionId),
        externalIds.length > 0 ? notInArray(whatsappTemplates.externalId, externalIds) : undefined,
      ),
    );
  if (templates.length === 0) return;
  const rows = templates.map((t) => ({
    id: crypto.randomUUID(),
    connectionId,
    externalId: t.externalId,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    body: t.components.body,
    header: t.components.header?.text ?? null,
    headerFormat: t.components.header?.format ?? null,
    footer: t.components.footer,
    buttons: t.components.buttons,
    placeholders: t.placeholders,
    unsupportedReason: t.unsupportedReason,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await tx
    .insert(whatsappTemplates)
    .values(rows)
    .onConflictDoUpdate({
      target: [whatsappTemplates.connectionId, whatsappTemplates.externalId],
      set: {
        name: excluded('name'),
        language: excluded('language'),
        category: excluded('category'),
        status: excluded('status'),
        body: excluded('body'),
        header: excluded('header'),
        headerFormat: excluded('header_format'),
        footer: excluded('footer'),
        buttons: excluded('buttons'),
        placeholders: excluded('placeholders'),
        unsupportedReason: excluded('unsupported_reason'),
        // Only a real change moves updatedAt, so `/ccaas/1` filters by update time stay meaningful.
        updatedAt: sql`case when (${whatsappTemplates.status}, ${whatsappTemplates.body}, ${whatsappTemplates.buttons},
          ${whatsappTemplates.placeholders}) is distinct from (excluded.status, excluded.body, excluded.buttons,
          excluded.placeholders) then now() else ${whatsappTemplates.updatedAt} end`,
      },
    });
}

/** Records how a synchronisation of the connection ended; a failure keeps the last success time. */
export async function recordSyncAttempt(
  tx: Orm,
  connectionId: string,
  outcome: { error: string | null },
): Promise<void> {
  const now = new Date();
  await tx
    .insert(whatsappTemplateSyncs)
    .values({
      connectionId,
      attemptedAt: now,
      syncedAt: outcome.error === null ? now : null,
      error: outcome.error,
    })
    .onConflictDoUpdate({
      target: whatsappTemplateSyncs.connectionId,
      set: {
        attemptedAt: now,
        error: outcome.error,
        ...(outcome.error === null && { syncedAt: now }),
      },
    });
}

/** Every WhatsApp connection with its last synchronisation and how many templates it has. */
export function listSyncStates(orm: Orm) {
  const templateCount = orm
    .select({ connectionId: whatsappTemplates.connectionId, n: count().as('n') })
    .from(whatsappTemplates)
    .groupBy(whatsappTemplates.connectionId)
    .as('template_counts');
  return orm
    .select({
      connectionId: channelConnections.id,
      connectionName: channelConnections.name,
      sender: channelConnections.sender,
      enabled: channelConnections.enabled,
      syncedAt: whatsappTemplateSyncs.syncedAt,
      attemptedAt: whatsappTemplateSyncs.attemptedAt,
      error: whatsappTemplateSyncs.error,
      templateCount: sql<number>`coalesce(${templateCount.n}, 0)::int`,
    })
    .from(channelConnections)
    .leftJoin(whatsappTemplateSyncs, eq(whatsappTemplateSyncs.connectionId, channelConnections.id))
    .leftJoin(templateCount, eq(templateCount.connectionId, channelConnections.id))
    .where(eq(channelConnections.channel, 'WHATSAPP'))
    .orderBy(asc(channelConnections.createdAt));
}
