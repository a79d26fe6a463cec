import { z } from 'zod';
import { CcaasDateTime, CcaasPageQuery, CcaasPagination, repeatedQuery } from './common.ts';

// `/ccaas/1/agents`: Infobip's agent is a Parley user with the agent (or supervisor) role.

/** Agent status as Infobip names it: Parley's OFFLINE is INVISIBLE here (D1). */
export const CcaasAgentStatus = z.enum(['ACTIVE', 'BUSY', 'INVISIBLE', 'AWAY']);
export type CcaasAgentStatus = z.infer<typeof CcaasAgentStatus>;

/** SUPERVISOR for users with the supervisor role, otherwise AGENT. */
export const CcaasAgentRole = z.enum(['AGENT', 'SUPERVISOR']);
export type CcaasAgentRole = z.infer<typeof CcaasAgentRole>;

const DisplayName = z.string().trim().min(1).max(255);

/** An agent as the public API shows it. */
export const CcaasAgent = z.object({
  /** The Parley user id. */
  id: z.string(),
  /** Name shown to colleagues and customers. */
  displayName: z.string(),
  /** The status the agent chose (INVISIBLE = offline). */
  status: CcaasAgentStatus,
  /** The status the system acts on; Parley keeps one availability, so it equals `status`. */
  availability: CcaasAgentStatus,
  /** AGENT or SUPERVISOR. */
  role: CcaasAgentRole,
  /** Disabled agents cannot sign in and receive no conversations. */
  enabled: z.boolean(),
  /** When the user was created. */
  createdAt: z.string(),
  /** When the user record last changed. */
  updatedAt: z.string(),
});
export type CcaasAgent = z.infer<typeof CcaasAgent>;

/** One agent with the e-mail address they sign in with (get-agent). */
export const CcaasAgentWithEmail = CcaasAgent.extend({
  /** The sign-in address. */
  email: z.string(),
});
export type CcaasAgentWithEmail = z.infer<typeof CcaasAgentWithEmail>;

/** A page of agents. */
export const CcaasAgentPage = z.object({ agents: z.array(CcaasAgent), pagination: CcaasPagination });
export type CcaasAgentPage = z.infer<typeof CcaasAgentPage>;

/** Filters of get-agents (all optional, combined with AND). */
export const CcaasAgentListQuery = CcaasPageQuery.extend({
  /** Only these agent ids. */
  agentIds: repeatedQuery(z.string()),
  /** Only members of any of these queues. */
  queueIds: repeatedQuery(z.string()),
  /** Case-insensitive substring of the display name. */
  displayName: z.string().max(255).optional(),
  /** Exact e-mail address (case-insensitive). */
  email: z.string().max(320).optional(),
  /** Only agents with this status. */
  status: CcaasAgentStatus.optional(),
  /** Only agents with this availability (the same value as status in Parley). */
  availability: CcaasAgentStatus.optional(),
  /** Only agents of this role. */
  role: CcaasAgentRole.optional(),
  /** Only enabled (true) or disabled (false) agents. */
  enabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  createdAfter: CcaasDateTime.optional(),
  createdBefore: CcaasDateTime.optional(),
  updatedAfter: CcaasDateTime.optional(),
  updatedBefore: CcaasDateTime.optional(),
});
export type CcaasAgentListQuery = z.infer<typeof CcaasAgentListQuery>;

/**
 * Creates or replaces an agent. `email` is a Parley extension (create only): the address the agent
 * signs in with; without it the agent signs in as `<id>@agents.invalid` (shown by get-agent).
 * A created agent has no password: they sign in once an admin has reset it.
 */
export const CcaasAgentRequest = z.object({
  displayName: DisplayName,
  status: CcaasAgentStatus,
  role: CcaasAgentRole,
  /** Defaults to true. */
  enabled: z.boolean().default(true),
  email: z.email().max(320).optional(),
});
export type CcaasAgentRequest = z.infer<typeof CcaasAgentRequest>;

/** Sets an agent's status. */
export const CcaasAgentStatusRequest = z.object({ status: CcaasAgentStatus });
export type CcaasAgentStatusRequest = z.infer<typeof CcaasAgentStatusRequest>;

/** Adds the agent to a queue. */
export const CcaasQueueAssignRequest = z.object({ queueId: z.string().min(1).max(255) });
export type CcaasQueueAssignRequest = z.infer<typeof CcaasQueueAssignRequest>;
