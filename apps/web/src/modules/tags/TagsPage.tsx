import { Alert, Button, Loader, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { Tag, TagKind, TagUsage } from '@parley/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RowActions } from '../../ui/RowActions.tsx';
import { DeleteTagDialog } from './DeleteTagDialog.tsx';
import { TagChip } from './TagChip.tsx';
import { TagFormModal } from './TagFormModal.tsx';
import { useTagCatalogue, useTagUsage } from './tags-api.ts';
import { countOf } from './usage-text.ts';

function UsageCell({ kind, usage }: { kind: TagKind; usage: TagUsage | undefined }) {
  if (!usage) return <Text c="dimmed">…</Text>;
  if (kind === 'template') {
    return <Text fz="sm">{countOf(usage.templates, 'template', 'templates')}</Text>;
  }
  return (
    <Text fz="sm">
      {usage.openConversations.toLocaleString()} open
      <Text span c="dimmed" fz="sm">
        {' · '}
        {usage.closedConversations.toLocaleString()} closed
      </Text>
    </Text>
  );
}

/** Supervisors: the D8 tag catalogue, conversation tags and template tags, with their usage. */
export function TagsPage() {
  const [kind, setKind] = useState<TagKind>('conversation');
  const catalogue = useTagCatalogue(kind);
  const usage = useTagUsage(kind);
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const usageById = new Map(usage.data?.items.map((u) => [u.tagId, u]));
  const items = catalogue.data?.items ?? [];

  return (
    <Stack gap="xl">
      <PageHeader
        title="Tags"
        description="Agents and routing put conversation tags on conversations; template tags group reply templates."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New tag
          </Button>
        }
      />
      <SegmentedControl
        w="fit-content"
        value={kind}
        onChange={(value) => setKind(value as TagKind)}
        data={[
          { value: 'conversation', label: 'Conversation tags' },
          { value: 'template', label: 'Template tags' },
        ]}
      />
      {catalogue.isPending && <Loader />}
      {catalogue.error && (
        <Alert color="red" title="Could not load the tags">
          {catalogue.error.message}
        </Alert>
      )}
      {catalogue.data && items.length === 0 && (
        <Text c="dimmed">No {kind} tags yet. Create the first with “New tag”.</Text>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tag</Table.Th>
                  <Table.Th>{kind === 'template' ? 'Used by' : 'On conversations'}</Table.Th>
                  <Table.Th w={96} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tag) => (
                  <Table.Tr key={tag.id} data-testid="tag-row" data-tag-name={tag.name}>
                    <Table.Td>
                      <TagChip tag={tag} size="lg" />
                    </Table.Td>
                    <Table.Td>
                      <UsageCell kind={kind} usage={usageById.get(tag.id)} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        name={tag.name}
                        onEdit={() => setEditing(tag)}
                        onDelete={() => setDeleting(tag)}
                        editLabel="Rename or recolour"
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
        <TagFormModal
          tag={editing === 'new' ? null : editing}
          kind={kind}
          onClose={() => setEditing(null)}
          onSaved={(saved) => setKind(saved.kind)}
        />
      )}
      {deleting && <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
