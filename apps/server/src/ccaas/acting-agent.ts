import type { Role } from '@parley/contracts';
import type { FastifyRequest } from 'fastify';
import { type Actor, personActor } from '../modules/conversations/conversations.policy.ts';
import { findUserById, type UserRow } from '../modules/users/users.repo.ts';
import type { Orm } from '../platform/db/client.ts';
import { isUuid } from '../platform/ids.ts';
import { isBotHeader } from './bots/acting-bot.ts';
import { ccaasInvalidReference } from './errors.ts';

/** The header an integrator uses to act on behalf of an agent (Infobip's convention). */
export const AGENT_HEADER = 'x-agent-id';

/** The reference's 400 NOT_FOUND wording for an agent id that names nobody. */
export function invalidAgentId(id: string) {
  return ccaasInvalidReference(`Invalid agent id given '${id}'`);
}

/**
 * An enabled user holding one of `roles` (by default anyone who works conversations), by id; a
 * malformed or unknown id is the reference's 400 NOT_FOUND, so callers can pass any id an integrator sent.
 */
export async function findAgentOrFail(
  orm: Orm,
  id: string,
  roles: readonly Role[] = ['agent', 'supervisor'],
): Promise<UserRow> {
  const user = isUuid(id) ? await findUserById(orm, id) : undefined;
  if (!user?.enabled || !user.roles.some((r) => roles.includes(r))) throw invalidAgentId(id);
  return user;
}

/** The agent named by `x-agent-id`, or undefined when the header is absent. */
export async function headerAgent(request: FastifyRequest, orm: Orm): Promise<UserRow | undefined> {
  const raw = request.headers[AGENT_HEADER];
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (id === undefined || id.trim() === '') return undefined;
  return findAgentOrFail(orm, id.trim());
}

/**
 * Who a `/ccaas/1` change is made by: the agent of `x-agent-id` (their D3 rules apply), else the
 * integration itself, which acts as `automation` (like routing: it may assign and move anything);
 * so does a bot named there (issue 6: bots answer with their id in `x-agent-id`).
 */
export async function actingActor(request: FastifyRequest, orm: Orm): Promise<Actor> {
  if (await isBotHeader(request, orm, AGENT_HEADER)) return { kind: 'automation' };
  const agent = await headerAgent(request, orm);
  return agent ? personActor(agent) : { kind: 'automation' };
}
