import { CloseButton, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { Conversation, Queue, Tag } from '@parley/contracts';
import { CustomerCard } from '../../customers/CustomerCard.tsx';
import { ChannelIcon, channelLabel } from '../channel-icon.tsx';
import classes from './ConversationView.module.css';
import type { ConversationChange } from './conversation-api.ts';
import { MergeConversationsButton } from './MergeConversations.tsx';
import { SummaryField } from './SummaryField.tsx';
import { TagsField } from './TagsField.tsx';
import { formatDateTime } from './time-format.ts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

/** The right panel: queue, summary, tags, a few facts, and the customer card (D5, D6). */
export function ConversationSidePanel({
  conversation,
  queues,
  tagCatalogue,
  editBlock,
  queueBlock,
  onChange,
  onClose,
}: {
  conversation: Conversation;
  queues: readonly Queue[];
  tagCatalogue: readonly Tag[];
  editBlock: string | null;
  queueBlock: string | null;
  onChange: (change: ConversationChange) => void;
  /** Folds the panel away where it overlays the timeline (narrow layouts). */
  onClose: () => void;
}) {
  const queueOptions = queues.map((q) => ({ value: q.id, label: q.name }));
  const current = conversation.queue;
  // An agent lists only their queues; the conversation's own must still show by name.
  if (current && !queueOptions.some((o) => o.value === current.id)) {
    queueOptions.push({ value: current.id, label: current.name });
  }
  return (
    <Stack gap="md" p="md">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} fz="sm" tt="uppercase" c="dimmed" lts={0.5}>
          Details
        </Title>
        <CloseButton className={classes.detailsClose} onClick={onClose} aria-label="Hide details" />
      </Group>
      <Select
        label="Queue"
        data={queueOptions}
        value={current?.id ?? queues.find((q) => q.isDefault)?.id ?? null}
        onChange={(queueId) => queueId && queueId !== current?.id && onChange({ kind: 'queue', queueId })}
        allowDeselect={false}
        searchable
        disabled={!!queueBlock}
        description={queueBlock ?? undefined}
        size="sm"
        data-testid="queue-select"
      />
      <SummaryField
        summary={conversation.summary}
        disabledReason={editBlock}
        onSave={(summary) => onChange({ kind: 'update', body: { summary } })}
      />
      <TagsField
        tags={conversation.tags}
        catalogue={tagCatalogue}
        disabledReason={editBlock}
        onAdd={(tagId) => onChange({ kind: 'add-tag', tagId })}
        onRemove={(tagId) => onChange({ kind: 'remove-tag', tagId })}
      />
      <Stack gap={6}>
        <Fact label="Channels">
          <Group gap={6} justify="flex-end">
            {conversation.channels.map((c) => (
              <Group key={c} gap={4} wrap="nowrap">
                <ChannelIcon channel={c} size={14} />
                {channelLabel(c)}
              </Group>
            ))}
          </Group>
        </Fact>
        <Fact label="Created">{formatDateTime(conversation.createdAt)}</Fact>
        {conversation.closedAt && <Fact label="Closed">{formatDateTime(conversation.closedAt)}</Fact>}
        <Group justify="flex-end">
          <MergeConversationsButton conversation={conversation} />
        </Group>
      </Stack>
      <Divider label="Customer" labelPosition="left" />
      <CustomerCard conversation={conversation} />
    </Stack>
  );
}
