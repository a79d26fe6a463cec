import type { Role } from '@parley/contracts';
import { IconKey, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { ApiKeysPage } from '../../modules/settings/ApiKeysPage.tsx';
import { UsersPage } from '../../modules/settings/UsersPage.tsx';
import { TeamPage } from '../../modules/team/TeamPage.tsx';

type Icon = ComponentType<{ size?: number; stroke?: number }>;

/** A screen reachable from the left navigation. */
export interface NavScreen {
  label: string;
  path: string;
  icon: Icon;
  screen: ComponentType;
  /** Shown to users holding any of these roles; omitted means everyone signed in. */
  roles?: readonly Role[];
}

/** A heading that groups screens (Settings). */
export interface NavGroup {
  label: string;
  icon: Icon;
  roles?: readonly Role[];
  children: NavScreen[];
}

export type NavEntry = NavScreen | NavGroup;

/**
 * The one list of screens: the navigation and the routes are both built from it, so adding a
 * screen is one entry here.
 */
export const NAV: NavEntry[] = [
  { label: 'Team', path: '/team', icon: IconUsersGroup, screen: TeamPage },
  {
    label: 'Settings',
    icon: IconSettings,
    roles: ['admin'],
    children: [
      { label: 'Users', path: '/settings/users', icon: IconUsers, screen: UsersPage, roles: ['admin'] },
      { label: 'API keys', path: '/settings/api-keys', icon: IconKey, screen: ApiKeysPage, roles: ['admin'] },
    ],
  },
];

export function isNavGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry;
}

function allowed(entry: { roles?: readonly Role[] }, roles: readonly Role[]): boolean {
  return !entry.roles || entry.roles.some((role) => roles.includes(role));
}

/** The entries a user with these roles sees; groups left without children disappear. */
export function visibleNav(entries: readonly NavEntry[], roles: readonly Role[]): NavEntry[] {
  return entries.flatMap((entry): NavEntry[] => {
    if (!allowed(entry, roles)) return [];
    if (!isNavGroup(entry)) return [entry];
    const children = entry.children.filter((child) => allowed(child, roles));
    return children.length ? [{ ...entry, children }] : [];
  });
}

/** Every screen, flattened, with the roles that may open it. */
export function allScreens(entries: readonly NavEntry[]): NavScreen[] {
  return entries.flatMap((entry) =>
    isNavGroup(entry) ? entry.children.map((c) => ({ ...c, roles: c.roles ?? entry.roles })) : [entry],
  );
}
