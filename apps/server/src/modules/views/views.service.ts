import { type CreateViewRequest, LIMITS, type UpdateViewRequest } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { canChangeView, canCreateView, canSeeView, type ViewUser } from './views.policy.ts';
import {
  countPrivateViews,
  deleteViewRow,
  findViewForUpdate,
  insertView,
  lockPrivateViewsOf,
  type SavedViewRow,
  updateViewRow,
} from './views.repo.ts';

const nameTaken = (name: string) => conflict(`A view named "${name}" already exists`);

/** Runs a write, turning the name's unique index into a 409 `conflict`. */
async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Saves a view: private (at most LIMITS.privateViewsPerUser per user) or global (supervisors only). */
export function createView(events: Events, user: ViewUser, input: CreateViewRequest): Promise<SavedViewRow> {
  if (!canCreateView(user, input.scope)) throw forbidden('Only supervisors create global views');
  return withUniqueName(input.name, () =>
    events.transact(async ({ tx, emit }) => {
      if (input.scope === 'private') {
        await lockPrivateViewsOf(tx, user.userId);
        if ((await countPrivateViews(tx, user.userId)) >= LIMITS.privateViewsPerUser) {
          throw new AppError(
            'limit_exceeded',
            422,
            `At most ${LIMITS.privateViewsPerUser} private views per user; delete one first`,
          );
        }
      }
      const row = await insertView(tx, { ...input, createdByUserId: user.userId });
      emit('view.created', { viewId: row.id, scope: row.scope, createdByUserId: row.createdByUserId });
      return row;
    }),
  );
}

/** Locks a view the user may change: someone else's private view is not found, a global one is 403 for agents. */
async function lockChangeableView(tx: Orm, user: ViewUser, id: string): Promise<SavedViewRow> {
  const view = await findViewForUpdate(tx, id);
  if (!view || !canSeeView(user, view)) throw notFound('View');
  if (!canChangeView(user, view)) throw forbidden('Only supervisors change global views');
  return view;
}

/** Renames a view and/or replaces its filters. */
export function updateView(
  events: Events,
  user: ViewUser,
  id: string,
  patch: UpdateViewRequest,
): Promise<void> {
  return withUniqueName(patch.name, () =>
    events.transact(async ({ tx, emit }) => {
      const view = await lockChangeableView(tx, user, id);
      await updateViewRow(tx, view.id, patch);
      emit('view.updated', { viewId: view.id, scope: view.scope, createdByUserId: view.createdByUserId });
    }),
  );
}

/** Deletes a view. */
export function deleteView(events: Events, user: ViewUser, id: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const view = await lockChangeableView(tx, user, id);
    await deleteViewRow(tx, view.id);
    emit('view.deleted', { viewId: view.id, scope: view.scope, createdByUserId: view.createdByUserId });
  });
}
