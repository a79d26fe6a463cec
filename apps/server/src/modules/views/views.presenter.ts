import type { SavedView } from '@parley/contracts';
import { canChangeView, type ViewUser } from './views.policy.ts';
import type { SavedViewWithCreator } from './views.repo.ts';

/** The one shape of a saved view, as `user` sees it. */
export function presentView(row: SavedViewWithCreator, user: ViewUser): SavedView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    filters: row.filters,
    createdBy: { id: row.createdByUserId, displayName: row.creatorName },
    editable: canChangeView(user, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
