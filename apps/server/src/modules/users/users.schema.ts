import type { Availability, Role } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

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
 * Failed sign-ins per (IP, e-mail), kept in the database so the limit holds across every Parley
 * process; rows older than the window are deleted as new failures arrive.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 of `ip|email`, so the table holds no readable addresses. */
    keyHash: text('key_hash').notNull(),
    failedAt: timestamptz('failed_at').notNull().defaultNow(),
  },
  (t) => [
    index('login_failures_key_idx').on(t.keyHash, t.failedAt),
    index('login_failures_failed_at_idx').on(t.failedAt),
  ],
);
