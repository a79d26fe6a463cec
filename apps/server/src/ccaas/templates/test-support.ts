import { and, eq } from 'drizzle-orm';
import { channelConnections } from '../../modules/channel-connections/channel-connections.schema.ts';
import { whatsappTemplates } from '../../modules/templates/whatsapp-templates.schema.ts';
import type { Db } from '../../platform/db/client.ts';

/**
 * Stores an approved WhatsApp template of our WhatsApp sender (connected beforehand), as the
 * provider's registry would list it; returns its id.
 */
export async function insertTestWhatsAppTemplate(
  db: Db,
  sender: string,
  overrides: Partial<typeof whatsappTemplates.$inferInsert> = {},
): Promise<string> {
  const [connection] = await db.orm
    .select({ id: channelConnections.id })
    .from(channelConnections)
    .where(and(eq(channelConnections.channel, 'WHATSAPP'), eq(channelConnections.sender, sender)));
  if (!connection) throw new Error(`no WhatsApp connection for ${sender}`);
  const id = crypto.randomUUID();
  await db.orm.insert(whatsappTemplates).values({
    id,
    connectionId: connection.id,
    externalId: `wa-${id.slice(0, 8)}`,
    name: 'order_update',
    language: 'en_GB',
    category: 'UTILITY',
    status: 'APPROVED',
    body: 'Hi {{1}}, your order {{2}} has shipped.',
    header: 'Order update',
    footer: null,
    ...overrides,
  });
  return id;
}
