import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Stack, Text, Tooltip } from '@mantine/core';
import type { Conversation, ConversationListItem } from '@parley/contracts';
import { IconAlertTriangle, IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { ChannelIcon } from '../channel-icon.tsx';
import { STATUS_LOOKS } from './conversation-looks.ts';
import { mergeBlock, mergeSourceBlock } from './conversation-rights.ts';
import { useMergeCandidates, useMergeConversations } from './omnichannel-api.ts';
import { formatDateTime } from './time-format.ts';

function Candidate({
  conversation: c,
  checked,
  block,
  onToggle,
}: {
  conversation: ConversationListItem;
  checked: boolean;
  block: string | null;
  onToggle: () => void;
}) {
  return (
    <Checkbox
      checked={checked}
      disabled={!!block}
      onChange={onToggle}
      data-testid="merge-candidate"
      data-conversation-id={c.id}
      styles={{ body: { alignItems: 'flex-start' }, labelWrapper: { flex: 1, minWidth: 0 } }}
      label={
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            {c.channels.map((ch) => (
              <ChannelIcon key={ch} channel={ch} size={14} />
            ))}
            <Text size="sm" fw={600} truncate="end">
              #{c.number} {c.topic}
            </Text>
            <Badge size="xs" variant="light" color={STATUS_LOOKS[c.status].color} style={{ flexShrink: 0 }}>
              {STATUS_LOOKS[c.status].label}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {c.lastCustomerMessage?.text || 'No customer message'} · started {formatDateTime(c.createdAt)}
            {c.assignee ? ` · ${c.assignee.displayName}` : ' · unassigned'}
          </Text>
          {block && (
            <Text size="xs" c="dimmed">
              {block}: only a supervisor can merge it
            </Text>
          )}
        </Stack>
      }
    />
  );
}

function MergeModal({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const me = useCurrentUser();
  const candidates = useMergeCandidates(conversation, true);
  const merge = useMergeConversations(conversation.id);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const items = candidates.data ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Merge conversations into #${conversation.number}`}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          Choose other open conversations of this customer. Their messages, notes, change log and tags move
          into #{conversation.number} and their channels join it; they are closed and point here. This cannot
          be undone.
        </Text>
        {candidates.isPending && <Loader size="sm" />}
        {candidates.error && (
          <Alert color="red" variant="light">
            {candidates.error.message}
          </Alert>
        )}
        {candidates.data && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="merge-none">
            This customer has no other open conversation.
          </Text>
        )}
        <Stack gap="xs" mah={360} style={{ overflowY: 'auto' }}>
          {items.map((c) => (
            <Candidate
              key={c.id}
              conversation={c}
              checked={selected.includes(c.id)}
              block={mergeSourceBlock(me, c)}
              onToggle={() => toggle(c.id)}
            />
          ))}
        </Stack>
        {merge.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="merge-error">
            {merge.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            leftSection={<IconArrowMerge size={16} />}
            disabled={selected.length === 0}
            loading={merge.isPending}
            onClick={() => merge.mutate(selected, { onSuccess: onClose })}
            data-testid="merge-confirm"
          >
            {selected.length > 1 ? `Merge ${selected.length} conversations` : 'Merge'} into #
            {conversation.number}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Merge…" in the details panel (D2): merges other open conversations of the customer into this one. */
export function MergeConversationsButton({ conversation }: { conversation: Conversation }) {
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const block = mergeBlock(me, conversation);
  return (
    <>
      <Tooltip label={block} disabled={!block} withArrow multiline maw={260}>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconArrowMerge size={14} />}
          onClick={() => setOpen(true)}
          disabled={!!block}
          data-testid="merge-open"
        >
          Merge…
        </Button>
      </Tooltip>
      {open && <MergeModal conversation={conversation} onClose={() => setOpen(false)} />}
    </>
  );
}
