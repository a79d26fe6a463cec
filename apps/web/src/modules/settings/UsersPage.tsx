import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { User } from '@parley/contracts';
import { IconDots, IconKey, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusAvatar } from '../../ui/StatusAvatar.tsx';
import { useCurrentUser } from '../auth/current-user.tsx';
import { AVAILABILITY_META } from '../team/availability.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { ROLE_LABELS, useUpdateUser, useUsers } from './users-api.ts';

type Dialog = { kind: 'edit' | 'password' | 'toggle'; user: User } | { kind: 'create' } | null;

function UserRow({ user, isMe, onOpen }: { user: User; isMe: boolean; onOpen: (dialog: Dialog) => void }) {
  const meta = AVAILABILITY_META[user.availability];
  return (
    <Table.Tr data-testid="user-row" opacity={user.enabled ? 1 : 0.6}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <StatusAvatar name={user.displayName} color={meta.dot} statusLabel={meta.label} size="sm" />
          <Stack gap={0} miw={0}>
            <Text fz="sm" fw={600} truncate="end">
              {user.displayName}{' '}
              {isMe && (
                <Text span c="dimmed" fz="xs">
                  (you)
                </Text>
              )}
            </Text>
            <Text fz="xs" c="dimmed" truncate="end">
              {user.email}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" color={role === 'admin' ? 'grape' : 'blue'} size="sm">
              {ROLE_LABELS[role]}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{meta.label}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="dot" color={user.enabled ? 'teal' : 'gray'} size="sm">
          {user.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.displayName}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onOpen({ kind: 'edit', user })}>
              Edit name and roles
            </Menu.Item>
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onOpen({ kind: 'password', user })}>
              Reset password
            </Menu.Item>
            {!isMe && (
              <Menu.Item
                color={user.enabled ? 'red' : undefined}
                leftSection={user.enabled ? <IconUserOff size={16} /> : <IconUserCheck size={16} />}
                onClick={() => onOpen({ kind: 'toggle', user })}
              >
                {user.enabled ? 'Disable' : 'Enable'}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

/** Admin: everyone who can sign in, their roles and whether they are enabled. */
export function UsersPage() {
  const users = useUsers();
  const me = useCurrentUser();
  const update = useUpdateUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const sorted = [...(users.data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));

  return (
    <Stack gap="xl">
      <PageHeader
        title="Users"
        description="People who can sign in to Parley, and what they may do."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
            New user
          </Button>
        }
      />
      {users.isPending && <Loader />}
      {users.error && (
        <Alert color="red" title="Could not load users">
          {users.error.message}
        </Alert>
      )}
      {users.data && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th w={56} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((user) => (
                  <UserRow key={user.id} user={user} isMe={user.id === me.id} onOpen={setDialog} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateUserModal opened={dialog?.kind === 'create'} onClose={close} />
      {dialog?.kind === 'edit' && <EditUserModal key={dialog.user.id} user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          opened
          title={
            dialog.user.enabled ? `Disable ${dialog.user.displayName}?` : `Enable ${dialog.user.displayName}?`
          }
          confirmLabel={dialog.user.enabled ? 'Disable' : 'Enable'}
          color={dialog.user.enabled ? 'red' : 'teal'}
          loading={update.isPending}
          onClose={close}
          onConfirm={() =>
            update.mutate({ id: dialog.user.id, enabled: !dialog.user.enabled }, { onSuccess: close })
          }
        >
          {dialog.user.enabled
            ? 'They are signed out everywhere and cannot sign in until enabled again.'
            : 'They can sign in again with their current password.'}
        </ConfirmDialog>
      )}
    </Stack>
  );
}
