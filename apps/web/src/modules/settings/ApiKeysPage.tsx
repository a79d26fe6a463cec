import { ActionIcon, Alert, Badge, Button, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ApiKey } from '@parley/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiKeys, useRevokeApiKey } from './api-keys-api.ts';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : 'Never');

/** Admin: keys integrators use for the `/ccaas/1` API. */
export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const items = keys.data?.items ?? [];

  return (
    <Stack gap="xl">
      <PageHeader
        title="API keys"
        description="Keys let other systems call Parley's API. Each key is shown once, when created."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />
      {keys.isPending && <Loader />}
      {keys.error && (
        <Alert color="red" title="Could not load API keys">
          {keys.error.message}
        </Alert>
      )}
      {keys.data && items.length === 0 && (
        <Text c="dimmed">No API keys yet. Create one for each system that calls Parley.</Text>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th w={56} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((key) => (
                  <Table.Tr key={key.id} data-testid="api-key-row" opacity={key.revokedAt ? 0.6 : 1}>
                    <Table.Td fw={600}>{key.name}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" fz="sm">
                        {key.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{formatDate(key.createdAt)}</Table.Td>
                    <Table.Td fz="sm">{formatDate(key.lastUsedAt)}</Table.Td>
                    <Table.Td ta="right">
                      {key.revokedAt ? (
                        <Badge color="gray" variant="light" size="sm">
                          Revoked
                        </Badge>
                      ) : (
                        <Tooltip label="Revoke">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Revoke ${key.name}`}
                            onClick={() => setRevoking(key)}
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke key"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        Systems using this key stop working immediately. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
