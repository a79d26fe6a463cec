import type { Role, ViewScope } from '@parley/contracts';

/** Who asks: a signed-in user with their roles. */
export interface ViewUser {
  userId: string;
  roles: readonly Role[];
}

/** The view fields the rules look at. */
export interface ViewFacts {
  scope: ViewScope;
  createdByUserId: string;
}

const isSupervisor = (user: ViewUser) => user.roles.includes('supervisor');

/** D5: anyone may keep private views; only supervisors make global ones. */
export function canCreateView(user: ViewUser, scope: ViewScope): boolean {
  return scope === 'private' || isSupervisor(user);
}

/** A private view is its owner's alone; global views are every supervisor's to change or delete. */
export function canChangeView(user: ViewUser, view: ViewFacts): boolean {
  return view.scope === 'private' ? view.createdByUserId === user.userId : isSupervisor(user);
}

/** Whether the user sees the view at all (others' private views are "not found"). */
export function canSeeView(user: ViewUser, view: ViewFacts): boolean {
  return view.scope === 'global' || view.createdByUserId === user.userId;
}
