import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import type { WhatsAppTemplate, WhatsAppTemplateSync } from '@parley/contracts';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatDateTime } from '../workspace/conversation/time-format.ts';
import { TemplateStatusBadge } from './TemplateStatusBadge.tsx';
import { useSyncTemplates, useTemplateSyncs, useWhatsAppTemplates } from './whatsapp-templates-api.ts';

function SyncState({ sync }: { sync: WhatsAppTemplateSync }) {
  if (sync.error) {
    return (
      <Text fz="sm" c="red.7" data-testid="sync-error">
        Last attempt failed{sync.attemptedAt ? ` (${formatDateTime(sync.attemptedAt)})` : ''}: {sync.error}
      </Text>
    );
  }
  return (
    <Text fz="sm" c="dimmed">
      {sync.syncedAt ? `Synchronised ${formatDateTime(sync.syncedAt)}` : 'Not synchronised yet'}
    </Text>
  );
}

function ConnectionTemplates({
  sync,
  templates,
}: {
  sync: WhatsAppTemplateSync;
  templates: WhatsAppTemplate[];
}) {
  const syncNow = useSyncTemplates();
  return (
    <Paper withBorder radius="md" p="md" data-testid="template-connection" data-sender={sync.sender}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{sync.connectionName}</Text>
            <Text c="dimmed" fz="sm">
              {sync.sender}
            </Text>
            {!sync.enabled && (
              <Badge size="xs" color="gray">
                disabled
              </Badge>
            )}
          </Group>
          <SyncState sync={sync} />
        </Stack>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={syncNow.isPending}
          disabled={!sync.enabled}
          onClick={() => syncNow.mutate({ connectionId: sync.connectionId })}
          data-testid="sync-now"
        >
          Sync now
        </Button>
      </Group>
      {syncNow.error && (
        <Alert color="red" mb="sm" icon={<IconAlertTriangle size={16} />}>
          {syncNow.error.message}
        </Alert>
      )}
      {templates.length === 0 ? (
        <Text c="dimmed" fz="sm">
          The registry lists no templates for this number.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="30%">Name</Table.Th>
                <Table.Th w={120}>State</Table.Th>
                <Table.Th w={120}>Category</Table.Th>
                <Table.Th>Body</Table.Th>
                <Table.Th w={110}>To fill</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.map((t) => (
                <Table.Tr key={t.id} data-testid="whatsapp-template-row" data-template-name={t.name}>
                  <Table.Td>
                    {/* Registry names are snake_case and long: they break anywhere rather than hide. */}
                    <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {t.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t.language}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TemplateStatusBadge status={t.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t.category.toLowerCase()}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c="dimmed" lineClamp={2}>
                      {t.body}
                    </Text>
                    {t.unsupportedReason && (
                      <Text fz="xs" c="orange.8">
                        Cannot be sent from Parley: {t.unsupportedReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      {t.placeholders.length === 0
                        ? 'nothing'
                        : `${t.placeholders.length} value${t.placeholders.length > 1 ? 's' : ''}`}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * Supervisors and admins: the WhatsApp pre-registered templates of every WhatsApp number, as the
 * provider's registry lists them (synchronised every 15 minutes), with their approval state.
 */
export function WhatsAppTemplatesPage() {
  const syncs = useTemplateSyncs();
  const templates = useWhatsAppTemplates(null);
  const syncAll = useSyncTemplates();
  const items = syncs.data?.items ?? [];
  return (
    <Stack gap="xl">
      <PageHeader
        title="WhatsApp templates"
        description="Each WhatsApp number’s templates and approval states, read from the registry every 15 minutes."
        action={
          items.length > 0 && (
            <Button
              leftSection={<IconRefresh size={16} />}
              loading={syncAll.isPending}
              onClick={() => syncAll.mutate({})}
              data-testid="sync-all"
            >
              Sync all now
            </Button>
          )
        }
      />
      {(syncs.isPending || templates.isPending) && <Loader />}
      {(syncs.error ?? templates.error) && (
        <Alert color="red" title="Could not load the WhatsApp templates">
          {(syncs.error ?? templates.error)?.message}
        </Alert>
      )}
      {syncs.data && items.length === 0 && (
        <Text c="dimmed">No WhatsApp number is connected yet. An admin connects one under Channels.</Text>
      )}
      {items.map((sync) => (
        <ConnectionTemplates
          key={sync.connectionId}
          sync={sync}
          templates={(templates.data?.items ?? []).filter((t) => t.connectionId === sync.connectionId)}
        />
      ))}
    </Stack>
  );
}
