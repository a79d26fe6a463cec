import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Channel, languageName, type Template } from '@parley/contracts';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RowActions } from '../../ui/RowActions.tsx';
import { TagChip } from '../tags/TagChip.tsx';
import { useTagCatalogue } from '../tags/tags-api.ts';
import { ChannelIcon, channelLabel } from '../workspace/channel-icon.tsx';
import { TemplateFormModal } from './TemplateFormModal.tsx';
import { CHANNEL_OPTIONS } from './template-options.ts';
import { useDeleteTemplate, useTemplates } from './templates-api.ts';

function ChannelCell({ channel }: { channel: Channel | null }) {
  if (!channel)
    return (
      <Text fz="sm" c="dimmed">
        All channels
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <ChannelIcon channel={channel} />
      <Text fz="sm">{channelLabel(channel)}</Text>
    </Group>
  );
}

/** Supervisors: the user-defined reply templates (D7), searchable and filtered by tag and channel. */
export function TemplatesPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [tagId, setTagId] = useState<string | null>(null);
  const [channel, setChannel] = useState('');
  const templates = useTemplates({
    q,
    tagId: tagId ?? undefined,
    channel: (channel || undefined) as Channel | undefined,
  });
  const tags = useTagCatalogue('template');
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const items = templates.data?.items ?? [];
  const filtered = q !== '' || tagId !== null || channel !== '';

  return (
    <Stack gap="xl">
      <PageHeader
        title="Templates"
        description="Answers agents insert by typing “/” in the reply box or with the templates button."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New template
          </Button>
        }
      />
      <Group gap="sm">
        <TextInput
          placeholder="Search name or text"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
          aria-label="Search templates"
        />
        <Select
          placeholder="All tags"
          data={(tags.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={tagId}
          onChange={setTagId}
          clearable
          searchable
          w={200}
          aria-label="Filter by tag"
        />
        <Select
          data={CHANNEL_OPTIONS.map((o) => (o.value === '' ? { ...o, label: 'Any channel' } : o))}
          value={channel}
          onChange={(value) => setChannel(value ?? '')}
          allowDeselect={false}
          w={180}
          aria-label="Usable on channel"
        />
        {templates.isFetching && !templates.isPending && <Loader size="xs" />}
      </Group>
      {templates.isPending && <Loader />}
      {templates.error && (
        <Alert color="red" title="Could not load the templates">
          {templates.error.message}
        </Alert>
      )}
      {templates.data && items.length === 0 && (
        <Text c="dimmed">
          {filtered
            ? 'No template matches these filters.'
            : 'No templates yet. Create the first with “New template”.'}
        </Text>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="md" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="20%">Name</Table.Th>
                  <Table.Th>Text</Table.Th>
                  <Table.Th w="16%">Tags</Table.Th>
                  <Table.Th w={140}>Channel</Table.Th>
                  <Table.Th w={96} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((template) => (
                  <Table.Tr key={template.id} data-testid="template-row" data-template-name={template.name}>
                    <Table.Td>
                      <Text fw={600} fz="sm" truncate="end">
                        {template.name}
                      </Text>
                      <Badge variant="outline" color="gray" size="xs" mt={4} tt="none">
                        {languageName(template.language)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed" lineClamp={2}>
                        {template.text}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {template.tags.map((tag) => (
                          <TagChip key={tag.id} tag={tag} />
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ChannelCell channel={template.channel} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={template.name}
                        onEdit={() => setEditing(template)}
                        onDelete={() => setDeleting(template)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && (
        <TemplateFormModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete template"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        Agents can no longer insert it. Messages already sent with it keep their text.
      </ConfirmDialog>
    </Stack>
  );
}
