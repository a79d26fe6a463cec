import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canChangeView, canCreateView, canSeeView, type ViewUser } from './views.policy.ts';

const user = fc.record({
  userId: fc.constantFrom('u1', 'u2'),
  roles: fc.subarray(['agent', 'supervisor'] as const),
}) as fc.Arbitrary<ViewUser>;
const view = fc.record({
  scope: fc.constantFrom('private', 'global' as const),
  createdByUserId: fc.constantFrom('u1', 'u2'),
});
const isSupervisor = (u: ViewUser) => u.roles.includes('supervisor');

describe('saved view rules (D5)', () => {
  it('only supervisors create global views; anyone creates private ones', () => {
    fc.assert(
      fc.property(user, (u) => {
        expect(canCreateView(u, 'private')).toBe(true);
        expect(canCreateView(u, 'global')).toBe(isSupervisor(u));
      }),
    );
  });

  it('a private view is its owner’s alone, even for supervisors; global ones are seen by all, changed by supervisors', () => {
    fc.assert(
      fc.property(user, view, (u, v) => {
        const owns = v.createdByUserId === u.userId;
        expect(canSeeView(u, v)).toBe(v.scope === 'global' || owns);
        expect(canChangeView(u, v)).toBe(v.scope === 'private' ? owns : isSupervisor(u));
        // Whatever one may change, one sees.
        if (canChangeView(u, v)) expect(canSeeView(u, v)).toBe(true);
      }),
    );
  });
});
