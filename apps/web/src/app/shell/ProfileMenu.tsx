import {
  Group,
  type MantineColorScheme,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { IconChevronUp, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/current-user.tsx';
import { useLogout } from '../../modules/auth/session.ts';
import { AVAILABILITY_META } from '../../modules/team/availability.ts';
import { StatusSelector } from '../../modules/team/StatusSelector.tsx';
import { StatusAvatar } from '../../ui/StatusAvatar.tsx';
import classes from './ProfileMenu.module.css';

const THEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Auto' },
];

/** Bottom-left: who I am, my availability, the theme and sign-out. */
export function ProfileMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const meta = AVAILABILITY_META[user.availability];

  return (
    <Menu position="top-start" width={260} withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.target} data-testid="profile-menu" aria-label="Profile menu">
          <Group gap="sm" wrap="nowrap">
            <StatusAvatar name={user.displayName} color={meta.dot} statusLabel={meta.label} />
            <Stack gap={0} miw={0} style={{ flex: 1 }}>
              <Text fz="sm" fw={600} truncate="end">
                {user.displayName}
              </Text>
              <Text fz="xs" c="dimmed" data-testid="my-status">
                {meta.label}
              </Text>
            </Stack>
            <IconChevronUp size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <StatusSelector current={user.availability} />
        <Menu.Divider />
        <Menu.Label>Theme</Menu.Label>
        <SegmentedControl
          fullWidth
          size="xs"
          mx={6}
          mb={6}
          w="calc(100% - 12px)"
          aria-label="Theme"
          data={THEMES}
          value={colorScheme}
          onChange={(value) => setColorScheme(value as MantineColorScheme)}
        />
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          data-testid="sign-out"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
