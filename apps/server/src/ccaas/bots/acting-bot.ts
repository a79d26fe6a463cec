import type { FastifyRequest } from 'fastify';
import { findBotById } from '../../modules/bots/bots.repo.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';

/**
 * Whether `x-agent-id` names an enabled bot. A bot answers (and hands over) as the integration
 * itself (`automation`): it may reply only while no person holds the conversation (D3).
 */
export async function isBotHeader(request: FastifyRequest, orm: Orm, header: string): Promise<boolean> {
  const raw = request.headers[header];
  const id = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!id || !isUuid(id)) return false;
  return (await findBotById(orm, id.toLowerCase()))?.enabled === true;
}
