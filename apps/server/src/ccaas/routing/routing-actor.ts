import type { FastifyRequest } from 'fastify';
import { findBotSession } from '../../modules/bots/bot-sessions.repo.ts';
import { canChangeQueue, canEdit, enforce } from '../../modules/conversations/conversations.policy.ts';
import type { ConversationRow } from '../../modules/conversations/conversations.repo.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { AGENT_HEADER, actingActor } from '../acting-agent.ts';

/**
 * Who may re-run routing on a conversation: the integration itself; a bot named in `x-agent-id`
 * only on a conversation it holds (its hand-over); an agent named there under D3 (only the
 * assignee moves a conversation). A CLOSED conversation is refused.
 */
export async function authorizeRouting(
  request: FastifyRequest,
  orm: Orm,
  conv: ConversationRow,
): Promise<void> {
  enforce(canEdit(conv));
  const raw = request.headers[AGENT_HEADER];
  const id = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (id && isUuid(id)) {
    const session = await findBotSession(orm, conv.id);
    if (session?.botId === id.toLowerCase()) return;
  }
  enforce(canChangeQueue(await actingActor(request, orm), conv));
}
