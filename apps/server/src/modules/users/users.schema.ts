import type { Availability, Role } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';

/** People who sign in: agents, supervisors and admins (roles combine, D1). */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Always stored lower-case so the unique index is case-insensitive in effect. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    enabled: boolean('enabled').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    availability: text('availability').notNull().default('OFFLINE').$type<Availability>(),
    availabilityChangedAt: timestamptz('availability_changed_at').notNull().defaultNow(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_availability_check', sql`${t.availability} in ('ACTIVE', 'BUSY', 'AWAY', 'OFFLINE')`),
  ],
);

/** Browser sessions. Only the SHA-256 of the cookie token is stored, so a database leak signs nobody in. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_live_idx').on(t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

/** Keys integrators send as `Authorization: App <key>`; only the SHA-256 of the key is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** First characters of the key, shown in the admin list so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    /** Null when created from the command line. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash)],
);

/** Every availability change with its cause; the supervisors' timeline reads it. */
export const availabilityLog = pgTable(
  'availability_log',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    availability: text('availability').notNull().$type<Availability>(),
    changedAt: timestamptz('changed_at').notNull(),
    /** What caused it: login, logout, menu, disconnected, disabled. */
    reason: text('reason').notNull(),
  },
  (t) => [index('availability_log_user_changed_idx').on(t.userId, t.changedAt)],
);

/**
 * Sign-in attempts per key and fixed window, kept in the database so the limit holds across every
 * Parley process. An attempt is counted before the password is checked (one atomic upsert), so
 * parallel guesses cannot all slip under the limit; a successful sign-in takes its attempt back.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    /** SHA-256 of `ip|email` (per address) or `*|email` (across addresses): no readable addresses. */
    keyHash: text('key_hash').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyHash, t.windowStart] }),
    index('login_attempts_window_idx').on(t.windowStart),
  ],
);

/**
 * When each user was last known to be around, for the offline grace period (D1). Fed by socket
 * opens and closes on every process, by sign-ins, and by the offline sweep for users it finds
 * connected, so a process that dies without closing its sockets still lets the grace run out.
 */
export const userConnectivity = pgTable('user_connectivity', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Last time a socket of the user opened, or the sweep saw one open. */
  lastConnectedAt: timestamptz('last_connected_at'),
  /** Last time the user's last socket on some process closed. */
  lastDisconnectedAt: timestamptz('last_disconnected_at'),
  lastSignedInAt: timestamptz('last_signed_in_at'),
});
