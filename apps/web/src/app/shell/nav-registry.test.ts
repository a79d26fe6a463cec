import { describe, expect, it } from 'vitest';
import { allScreens, NAV, visibleNav } from './nav-registry.ts';

const paths = (roles: Parameters<typeof visibleNav>[1]) =>
  allScreens(visibleNav(NAV, roles)).map((s) => s.path);

describe('nav registry', () => {
  it('shows agents MY WORK first, then ALL WORK, and the Team board, but no settings', () => {
    expect(paths(['agent'])).toEqual(['/my-work', '/all-work', '/customers', '/team']);
  });

  it('shows supervisors the Tags and Templates settings, not the admin ones', () => {
    expect(visibleNav(NAV, ['supervisor']).map((e) => e.label)).toEqual([
      'My work',
      'All work',
      'Dashboard',
      'Customers',
      'Team',
      'Settings',
    ]);
    expect(paths(['supervisor'])).toEqual([
      '/my-work',
      '/all-work',
      '/dashboard',
      '/customers',
      '/team',
      '/settings/tags',
      '/settings/templates',
      '/settings/whatsapp-templates',
      '/settings/customer-card',
      '/settings/queues',
      '/settings/routing',
      '/settings/bots',
      '/settings/simulator',
    ]);
  });

  it('shows admins the settings screens', () => {
    expect(paths(['admin'])).toEqual([
      '/team',
      '/settings/users',
      '/settings/api-keys',
      '/settings/channels',
      '/settings/whatsapp-templates',
    ]);
  });

  it('drops a group whose children are all hidden', () => {
    const registry = visibleNav(
      [
        {
          label: 'G',
          icon: () => null,
          children: [{ label: 'A', path: '/a', icon: () => null, screen: () => null, roles: ['admin'] }],
        },
      ],
      ['agent'],
    );
    expect(registry).toEqual([]);
  });
});
