import type { CreateUserRequest, Role, UpdateUserRequest } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { emitAccessChanged } from './access-changed.ts';
import { setAvailability } from './availability.service.ts';
import { hashPassword } from './passwords.ts';
import { revokeUserSessions } from './sessions.repo.ts';
import { normalizeRoles, wouldRemoveLastAdmin } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import {
  findUserByIdForUpdate,
  insertUser,
  isUniqueViolation,
  lockEnabledAdminIds,
  type UserRow,
  updateUserRow,
} from './users.repo.ts';

export interface NewUserInput {
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/**
 * Inserts a user with a hashed password on any handle (a transaction or the CLI's pool).
 * Throws `email_taken` when the address is in use.
 */
export async function createUserRecord(
  orm: Orm,
  input: NewUserInput,
  passwordHash?: string,
): Promise<UserRow> {
  const hash = passwordHash ?? (await hashPassword(input.password));
  try {
    return await insertUser(orm, {
      email: input.email,
      displayName: input.displayName,
      roles: normalizeRoles(input.roles),
      passwordHash: hash,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

export function emailTaken(email: string): AppError {
  return new AppError('email_taken', 409, `A user with the e-mail ${email.toLowerCase()} already exists`);
}

/** An admin creates a user; they start OFFLINE until they sign in. */
export async function createUser(events: Events, input: CreateUserRequest): Promise<UserRow> {
  // Hash before the transaction: argon2 is deliberately slow and must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  return events.transact(async ({ tx, emit }) => {
    const user = await createUserRecord(tx, input, passwordHash);
    emit('user.created', presentUser(user));
    return user;
  });
}

/**
 * An admin changes a user's name, roles or enabled flag. Disabling signs them out everywhere and
 * makes them OFFLINE; the last enabled admin can be neither demoted nor disabled (`last_admin`).
 */
export function updateUser(events: Events, userId: string, patch: UpdateUserRequest): Promise<UserRow> {
  return events.transact((scope) => applyUserUpdate(scope, userId, patch));
}

/** `updateUser` inside the caller's transaction, for changes that touch more than the user row. */
export async function applyUserUpdate(
  scope: TxScope,
  userId: string,
  patch: UpdateUserRequest,
): Promise<UserRow> {
  const { tx, emit } = scope;
  // Lock the admins first (same order for every caller), then the target row.
  const adminIds = await lockEnabledAdminIds(tx);
  const user = await findUserByIdForUpdate(tx, userId);
  if (!user) throw notFound('User');
  if (wouldRemoveLastAdmin(user, patch, adminIds)) {
    throw new AppError('last_admin', 409, 'At least one enabled admin must remain');
  }
  let updated = await updateUserRow(tx, userId, {
    ...(patch.displayName !== undefined && { displayName: patch.displayName }),
    ...(patch.roles !== undefined && { roles: normalizeRoles(patch.roles) }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled }),
  });
  if (!updated) throw notFound('User');
  if (user.enabled && patch.enabled === false) {
    await revokeUserSessions(tx, userId);
    updated = await setAvailability(scope, userId, 'OFFLINE', 'disabled');
    emitAccessChanged(scope, { userId, reason: 'disabled' });
  } else if (updated.roles.join() !== user.roles.join()) {
    // Open sockets were authorised with the old roles; closing them makes the client reconnect with the new ones.
    emitAccessChanged(scope, { userId, reason: 'roles_changed' });
  }
  emit('user.updated', presentUser(updated));
  return updated;
}

/** An admin sets a new password; every session of that user ends. */
export async function resetUserPassword(events: Events, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await events.transact(async (scope: TxScope) => {
    const updated = await updateUserRow(scope.tx, userId, { passwordHash });
    if (!updated) throw notFound('User');
    await revokeUserSessions(scope.tx, userId);
    emitAccessChanged(scope, { userId, reason: 'password_reset' });
  });
}
