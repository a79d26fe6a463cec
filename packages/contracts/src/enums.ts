import { z } from 'zod';

/** Roles combine: a user may hold several. */
export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** D1 availability of a user. The public API calls OFFLINE "INVISIBLE". */
export const AVAILABILITIES = ['ACTIVE', 'BUSY', 'AWAY', 'OFFLINE'] as const;
export const Availability = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof Availability>;

/**
 * Who may call a route. Every route declares exactly one. `user` is any signed-in user (the shell:
 * session, status, team, realtime); `agent` is conversation work, so it needs the agent or
 * supervisor role.
 */
export const ACCESS_LEVELS = ['public', 'user', 'agent', 'supervisor', 'admin', 'api-key'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
