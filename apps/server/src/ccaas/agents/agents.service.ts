import type { CcaasAgentRequest, CcaasAgentStatus } from '@parley/contracts';
import { setQueueMembers } from '../../modules/queues/queues.service.ts';
import { setAvailability } from '../../modules/users/availability.service.ts';
import { presentUser } from '../../modules/users/users.presenter.ts';
import { findUserById, type UserRow, updateUserRow } from '../../modules/users/users.repo.ts';
import { applyUserUpdate, createUserRecord } from '../../modules/users/users.service.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUuid } from '../../platform/ids.ts';
import { invalidAgentId } from '../acting-agent.ts';
import { ccaasBadRequest } from '../errors.ts';
import { fromCcaasStatus, rolesFor } from './agents.presenter.ts';

// Never a valid argon2 hash, so no password matches it (verifyPassword treats it as a mismatch):
// an agent created through the API signs in only after an admin has reset their password.
const NO_PASSWORD_HASH = '!no-password';

/** The sign-in address of an agent created without one: `.invalid` can never receive mail (RFC 2606). */
const generatedAddress = () => `${crypto.randomUUID()}@agents.invalid`;

/**
 * Is this user an agent of `/ccaas/1/agents`? The agent or supervisor role, and not admin: an API
 * key must not rename, demote, disable or re-status an admin, so admins stay out of this API.
 */
export function isCcaasAgent(user: Pick<UserRow, 'roles'>): boolean {
  const { roles } = user;
  return (roles.includes('agent') || roles.includes('supervisor')) && !roles.includes('admin');
}

/**
 * An agent (enabled or not, see isCcaasAgent) by id; anything else is the reference's
 * 400 NOT_FOUND `Invalid agent id given '<id>'`.
 */
export async function findAgent(orm: Orm, id: string): Promise<UserRow> {
  const user = isUuid(id) ? await findUserById(orm, id) : undefined;
  if (!user || !isCcaasAgent(user)) throw invalidAgentId(id);
  return user;
}

/**
 * An integrator creates an agent: a Parley user with the agent (and, for SUPERVISOR, supervisor)
 * role, the requested status, and no password until an admin resets it.
 */
export function createAgent(events: Events, input: CcaasAgentRequest): Promise<UserRow> {
  return events.transact(async (scope) => {
    const email = input.email ?? generatedAddress();
    const roles = rolesFor(input.role);
    const created = await createUserRecord(
      scope.tx,
      { email, displayName: input.displayName, roles, password: '' },
      NO_PASSWORD_HASH,
    );
    // A new user is OFFLINE with no sessions, so disabling needs none of updateUser's sign-out.
    const agent = input.enabled
      ? await setAvailability(scope, created.id, fromCcaasStatus(input.status), 'api')
      : await updateUserRow(scope.tx, created.id, { enabled: false });
    if (!agent) throw new Error(`user ${created.id} vanished inside its transaction`);
    scope.emit('user.created', presentUser(agent));
    return agent;
  });
}

/**
 * An integrator replaces an agent's name, role, enabled flag and status in one transaction.
 * A disabled agent is INVISIBLE whatever status was asked for (disabling signs them out, D1).
 */
export function updateAgent(events: Events, agentId: string, input: CcaasAgentRequest): Promise<UserRow> {
  return events.transact(async (scope) => {
    await findAgent(scope.tx, agentId);
    const updated = await applyUserUpdate(scope, agentId, {
      displayName: input.displayName,
      roles: rolesFor(input.role),
      enabled: input.enabled,
    });
    if (!updated.enabled) return updated;
    return setAvailability(scope, agentId, fromCcaasStatus(input.status), 'api');
  });
}

/** An integrator sets an enabled agent's status; a disabled agent stays INVISIBLE. */
export function setAgentStatus(events: Events, agentId: string, status: CcaasAgentStatus): Promise<UserRow> {
  return events.transact(async (scope) => {
    const agent = await findAgent(scope.tx, agentId);
    if (!agent.enabled)
      throw ccaasBadRequest(`Agent '${agentId}' is disabled: enable them before setting a status`);
    return setAvailability(scope, agentId, fromCcaasStatus(status), 'api');
  });
}

/** Adds the agent to a queue's members (no change when already a member). */
export async function addAgentToQueue(events: Events, agent: UserRow, queueId: string): Promise<void> {
  if (!agent.roles.includes('agent')) {
    throw ccaasBadRequest('Only agents can be queue members: give this user the AGENT or SUPERVISOR role');
  }
  await setQueueMembers(events, queueId, (current) => [...current, agent.id]);
}

/** Removes the agent from a queue's members; the conversations they hold stay theirs (D3). */
export async function removeAgentFromQueue(events: Events, agent: UserRow, queueId: string): Promise<void> {
  await setQueueMembers(events, queueId, (current) => current.filter((id) => id !== agent.id));
}
