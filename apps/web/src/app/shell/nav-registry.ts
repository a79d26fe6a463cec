import type { Role } from '@parley/contracts';
import {
  IconAddressBook,
  IconArrowsSplit,
  IconBrandWhatsapp,
  IconDeviceMobileMessage,
  IconGauge,
  IconId,
  IconInbox,
  IconKey,
  IconLayoutList,
  IconPlugConnected,
  IconRobot,
  IconSettings,
  IconStack2,
  IconTags,
  IconTemplate,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { type ComponentType, lazy } from 'react';
import { AllWorkPage } from '../../modules/workspace/all-work/AllWorkPage.tsx';
import { MyWorkPage } from '../../modules/workspace/my-work/MyWorkPage.tsx';

/**
 * A screen loaded when first opened, so signing in does not download every settings page: MY WORK
 * and ALL WORK, where agents spend their day, stay in the main bundle (the router shows a loader
 * meanwhile).
 */
function lazyScreen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const BotsPage = lazyScreen(() => import('../../modules/bots/BotsPage.tsx'), 'BotsPage');
const ChannelsPage = lazyScreen(() => import('../../modules/channels/ChannelsPage.tsx'), 'ChannelsPage');
const CustomerCardSettingsPage = lazyScreen(
  () => import('../../modules/customers/CustomerCardSettingsPage.tsx'),
  'CustomerCardSettingsPage',
);
const CustomersPage = lazyScreen(() => import('../../modules/customers/CustomersPage.tsx'), 'CustomersPage');
const DashboardPage = lazyScreen(() => import('../../modules/dashboard/DashboardPage.tsx'), 'DashboardPage');
const QueuesPage = lazyScreen(() => import('../../modules/queues/QueuesPage.tsx'), 'QueuesPage');
const RoutingRulesPage = lazyScreen(
  () => import('../../modules/routing/RoutingRulesPage.tsx'),
  'RoutingRulesPage',
);
const ApiKeysPage = lazyScreen(() => import('../../modules/settings/ApiKeysPage.tsx'), 'ApiKeysPage');
const UsersPage = lazyScreen(() => import('../../modules/settings/UsersPage.tsx'), 'UsersPage');
const SimulatorPage = lazyScreen(() => import('../../modules/simulator/SimulatorPage.tsx'), 'SimulatorPage');
const TagsPage = lazyScreen(() => import('../../modules/tags/TagsPage.tsx'), 'TagsPage');
const TeamPage = lazyScreen(() => import('../../modules/team/TeamPage.tsx'), 'TeamPage');
const TemplatesPage = lazyScreen(() => import('../../modules/templates/TemplatesPage.tsx'), 'TemplatesPage');
const WhatsAppTemplatesPage = lazyScreen(
  () => import('../../modules/whatsapp-templates/WhatsAppTemplatesPage.tsx'),
  'WhatsAppTemplatesPage',
);

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
  { label: 'My work', path: '/my-work', icon: IconInbox, screen: MyWorkPage, roles: ['agent', 'supervisor'] },
  {
    label: 'All work',
    path: '/all-work',
    icon: IconLayoutList,
    screen: AllWorkPage,
    roles: ['agent', 'supervisor'],
  },
  { label: 'Dashboard', path: '/dashboard', icon: IconGauge, screen: DashboardPage, roles: ['supervisor'] },
  {
    label: 'Customers',
    path: '/customers',
    icon: IconAddressBook,
    screen: CustomersPage,
    roles: ['agent', 'supervisor'],
  },
  { label: 'Team', path: '/team', icon: IconUsersGroup, screen: TeamPage },
  {
    label: 'Settings',
    icon: IconSettings,
    roles: ['admin', 'supervisor'],
    children: [
      { label: 'Users', path: '/settings/users', icon: IconUsers, screen: UsersPage, roles: ['admin'] },
      { label: 'API keys', path: '/settings/api-keys', icon: IconKey, screen: ApiKeysPage, roles: ['admin'] },
      {
        label: 'Channels',
        path: '/settings/channels',
        icon: IconPlugConnected,
        screen: ChannelsPage,
        roles: ['admin'],
      },
      { label: 'Tags', path: '/settings/tags', icon: IconTags, screen: TagsPage, roles: ['supervisor'] },
      {
        label: 'Templates',
        path: '/settings/templates',
        icon: IconTemplate,
        screen: TemplatesPage,
        roles: ['supervisor'],
      },
      {
        label: 'WhatsApp templates',
        path: '/settings/whatsapp-templates',
        icon: IconBrandWhatsapp,
        screen: WhatsAppTemplatesPage,
        roles: ['supervisor', 'admin'],
      },
      {
        label: 'Customer card',
        path: '/settings/customer-card',
        icon: IconId,
        screen: CustomerCardSettingsPage,
        roles: ['supervisor'],
      },
      {
        label: 'Queues',
        path: '/settings/queues',
        icon: IconStack2,
        screen: QueuesPage,
        roles: ['supervisor'],
      },
      {
        label: 'Routing',
        path: '/settings/routing',
        icon: IconArrowsSplit,
        screen: RoutingRulesPage,
        roles: ['supervisor'],
      },
      { label: 'Bots', path: '/settings/bots', icon: IconRobot, screen: BotsPage, roles: ['supervisor'] },
      {
        label: 'Simulator',
        path: '/settings/simulator',
        icon: IconDeviceMobileMessage,
        screen: SimulatorPage,
        roles: ['supervisor'],
      },
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
