import { describe, expect, it } from 'vitest';
import { isEnabledAdminAfter, normalizeRoles, wouldRemoveLastAdmin } from './users.policy.ts';

const admin = { id: 'a', roles: ['admin', 'agent'] as const, enabled: true };
const user = (u: typeof admin) => ({ ...u, roles: [...u.roles] });

describe('last admin policy', () => {
  it('protects the only enabled admin from demotion and disabling', () => {
    expect(wouldRemoveLastAdmin(user(admin), { roles: ['agent'] }, ['a'])).toBe(true);
    expect(wouldRemoveLastAdmin(user(admin), { enabled: false }, ['a'])).toBe(true);
    expect(wouldRemoveLastAdmin(user(admin), { displayName: 'x' }, ['a'])).toBe(false);
    expect(wouldRemoveLastAdmin(user(admin), { roles: ['admin'] }, ['a'])).toBe(false);
  });

  it('allows it when another enabled admin remains, and ignores non-admins', () => {
    expect(wouldRemoveLastAdmin(user(admin), { enabled: false }, ['a', 'b'])).toBe(false);
    expect(
      wouldRemoveLastAdmin({ id: 'c', roles: ['agent'], enabled: true }, { enabled: false }, ['a']),
    ).toBe(false);
  });

  it('reads unchanged fields from the user', () => {
    expect(isEnabledAdminAfter({ roles: ['admin'], enabled: false }, { displayName: 'x' })).toBe(false);
    expect(isEnabledAdminAfter({ roles: ['agent'], enabled: true }, { roles: ['admin'] })).toBe(true);
  });

  it('normalises roles', () => {
    expect(normalizeRoles(['supervisor', 'agent', 'agent'])).toEqual(['agent', 'supervisor']);
  });
});
