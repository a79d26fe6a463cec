import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Modal,
  NavLink,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import type { Queue } from '@parley/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useQueues } from '../workspace/conversation/conversation-api.ts';
import { MembersSection } from './MembersSection.tsx';
import { QueueSettingsForm } from './QueueSettingsForm.tsx';
import { useCreateQueue, useDeleteQueue, useQueueSettings, useRenameQueue } from './queues-api.ts';

function NameModal({ queue, onClose }: { queue: Queue | null; onClose: (created?: Queue) => void }) {
  const create = useCreateQueue();
  const rename = useRenameQueue();
  const [name, setName] = useState(queue?.name ?? '');
  const mutation = queue ? rename : create;
  const submit = () => {
    if (!name.trim()) return;
    if (queue) rename.mutate({ id: queue.id, name }, { onSuccess: () => onClose() });
    else create.mutate(name, { onSuccess: (q) => onClose(q) });
  };
  return (
    <Modal opened onClose={() => onClose()} title={queue ? 'Rename queue' : 'New queue'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack data-testid="queue-form">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose()}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!name.trim()}>
              {queue ? 'Rename' : 'Create queue'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function QueueDetail({
  queue,
  onRename,
  onDelete,
}: {
  queue: Queue;
  onRename: () => void;
  onDelete: () => void;
}) {
  const settings = useQueueSettings(queue.id);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="queue-detail" data-queue-name={queue.name}>
      <Stack gap="lg">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} fz="h4">
              {queue.name}
            </Title>
            {queue.isDefault && <Badge variant="light">Default</Badge>}
            {settings.data && (
              <Badge variant="dot" color={settings.data.openNow ? 'green' : 'gray'}>
                {settings.data.openNow ? 'Open now' : 'Closed now'}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onRename}>
              Rename
            </Button>
            {!queue.isDefault && (
              <Tooltip label="Delete queue">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${queue.name}`}
                  onClick={onDelete}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        <MembersSection queue={queue} />
        {settings.isPending && <Loader size="sm" />}
        {settings.error && <Alert color="red">{settings.error.message}</Alert>}
        {/* Keyed by queue so switching queues starts from that queue's saved settings. */}
        {settings.data && (
          <QueueSettingsForm key={queue.id} settings={settings.data} isDefault={queue.isDefault} />
        )}
      </Stack>
    </Paper>
  );
}

/** Supervisors: D4 queues, their members, automatic assignment and working hours. */
export function QueuesPage() {
  const queues = useQueues();
  const remove = useDeleteQueue();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [naming, setNaming] = useState<Queue | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Queue | null>(null);
  const items = queues.data?.items ?? [];
  const selected = items.find((q) => q.id === selectedId) ?? items[0] ?? null;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Queues"
        description="Members, automatic assignment and working hours of each queue."
        action={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setNaming('new')}
            data-testid="queue-new"
          >
            New queue
          </Button>
        }
      />
      {queues.isPending && <Loader />}
      {queues.error && <Alert color="red">{queues.error.message}</Alert>}
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Paper withBorder radius="md" w={240} p={4} style={{ flexShrink: 0 }}>
          {items.map((q) => (
            <NavLink
              key={q.id}
              active={q.id === selected?.id}
              label={q.name}
              description={`${q.memberIds.length} member${q.memberIds.length === 1 ? '' : 's'}`}
              onClick={() => setSelectedId(q.id)}
              data-testid="queue-row"
              data-queue-name={q.name}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          ))}
          {queues.data && items.length === 0 && (
            <Text c="dimmed" fz="sm" p="sm">
              No queues yet.
            </Text>
          )}
        </Paper>
        <Box flex={1} miw={0}>
          {selected && (
            <QueueDetail
              key={selected.id}
              queue={selected}
              onRename={() => setNaming(selected)}
              onDelete={() => setDeleting(selected)}
            />
          )}
        </Box>
      </Group>
      {naming && (
        <NameModal
          queue={naming === 'new' ? null : naming}
          onClose={(created) => {
            setNaming(null);
            if (created) setSelectedId(created.id);
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete queue"
        confirmLabel="Delete queue"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        “{deleting?.name}” is deleted; its conversations move to the Default queue.
      </ConfirmDialog>
    </Stack>
  );
}
