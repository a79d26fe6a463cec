import { AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessages } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../../modules/auth/current-user.tsx';
import { useTeamRealtime } from '../../modules/team/team-api.ts';
import { isNavGroup, NAV, type NavScreen, visibleNav } from './nav-registry.ts';
import { ProfileMenu } from './ProfileMenu.tsx';

function ScreenLink({ screen, onNavigate }: { screen: NavScreen; onNavigate: () => void }) {
  const Icon = screen.icon;
  const { pathname } = useLocation();
  return (
    <NavLink
      component={Link}
      to={screen.path}
      active={pathname === screen.path || pathname.startsWith(`${screen.path}/`)}
      label={screen.label}
      leftSection={<Icon size={18} stroke={1.6} />}
      onClick={onNavigate}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

function Brand() {
  return (
    <Group gap="xs">
      <ThemeIcon size="md" radius="md">
        <IconMessages size={16} />
      </ThemeIcon>
      <Text fw={700} fz="lg">
        Parley
      </Text>
    </Group>
  );
}

/** The signed-in frame: left navigation filtered by role, profile menu bottom-left, the screen. */
export function AppLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  useTeamRealtime();
  const entries = visibleNav(NAV, user.roles);

  return (
    <AppShell
      header={{ height: { base: 56, sm: 0 } }}
      navbar={{ width: 256, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="xl"
      layout="alt"
    >
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" gap="sm">
          <Burger opened={opened} onClick={toggle} size="sm" aria-label="Toggle navigation" />
          <Brand />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section px="xs" py="sm" mb="sm" visibleFrom="sm">
          <Brand />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          {entries.map((entry) =>
            isNavGroup(entry) ? (
              <NavLink
                key={entry.label}
                label={entry.label}
                leftSection={<entry.icon size={18} stroke={1.6} />}
                defaultOpened={entry.children.some((c) => location.pathname.startsWith(c.path))}
                childrenOffset={18}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              >
                {entry.children.map((child) => (
                  <ScreenLink key={child.path} screen={child} onNavigate={close} />
                ))}
              </NavLink>
            ) : (
              <ScreenLink key={entry.path} screen={entry} onNavigate={close} />
            ),
          )}
        </AppShell.Section>
        <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          <ProfileMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
