import { Alert, Badge, Button, Group, Loader, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import type { ChannelConnection, ConnectionTestResult } from '@parley/contracts';
import { IconPencil, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ChannelIcon, channelLabel } from '../workspace/channel-icon.tsx';
import { ConnectionFormModal } from './ConnectionFormModal.tsx';
import { useConnections, useTestConnection, useUpdateConnection } from './channels-api.ts';
import { PROVIDER_FORMS } from './provider-forms.ts';
import { TestResultAlert } from './TestResultAlert.tsx';

type Editing = { connection: ChannelConnection | null; key: number } | null;

/** Admin: the channel connections (provider accounts) customers reach Parley through. */
export function ChannelsPage() {
  const connections = useConnections();
  const update = useUpdateConnection();
  const test = useTestConnection();
  const [editing, setEditing] = useState<Editing>(null);
  const [lastTest, setLastTest] = useState<{ name: string; result: ConnectionTestResult } | null>(null);
  const items = connections.data?.items ?? [];
  const open = (connection: ChannelConnection | null) => setEditing({ connection, key: Date.now() });
  const runTest = (connection: ChannelConnection) =>
    test.mutate(connection.id, { onSuccess: (result) => setLastTest({ name: connection.name, result }) });

  return (
    <Stack gap="xl">
      <PageHeader
        title="Channels"
        description="Provider accounts customers reach you through: each connects one channel and one sender of yours."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
            Add channel
          </Button>
        }
      />
      {connections.isPending && <Loader />}
      {connections.error && (
        <Alert color="red" title="Could not load the channels">
          {connections.error.message}
        </Alert>
      )}
      {lastTest && (
        <Stack gap={4}>
          <Text fz="sm" c="dimmed">
            Test of {lastTest.name}
          </Text>
          <TestResultAlert result={lastTest.result} />
        </Stack>
      )}
      {connections.data && items.length === 0 && (
        <Text c="dimmed">No channels yet. Add one to start receiving messages.</Text>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Sender</Table.Th>
                  <Table.Th>Enabled</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid="connection-row" opacity={c.enabled ? 1 : 0.6}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <ChannelIcon channel={c.channel} />
                        <Text fz="sm">{channelLabel(c.channel)}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td fw={600}>{c.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {PROVIDER_FORMS[c.provider].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" fz="sm">
                        {c.sender}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${c.enabled ? 'Disable' : 'Enable'} ${c.name}`}
                        checked={c.enabled}
                        onChange={(e) =>
                          update.mutate({ id: c.id, body: { enabled: e.currentTarget.checked } })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {c.testable && (
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconPlugConnected size={14} />}
                            loading={test.isPending && test.variables === c.id}
                            onClick={() => runTest(c)}
                          >
                            Test
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => open(c)}
                        >
                          Edit
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && (
        <ConnectionFormModal
          key={editing.key}
          opened
          connection={editing.connection}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
