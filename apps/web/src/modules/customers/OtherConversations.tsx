import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ConversationStatus, CustomerConversation } from '@parley/contracts';
import { Link } from 'react-router';
import { ChannelIcon } from '../workspace/channel-icon.tsx';

const STATUS_COLORS: Record<ConversationStatus, string> = {
  OPEN: 'blue',
  WAITING: 'orange',
  SOLVED: 'teal',
  CLOSED: 'gray',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A customer's conversations (open and closed, newest first), each linking to the conversation. */
export function OtherConversations({
  conversations,
  exceptId,
}: {
  conversations: readonly CustomerConversation[];
  /** The conversation already on screen. */
  exceptId?: string;
}) {
  const shown = conversations.filter((c) => c.id !== exceptId);
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="customer-conversations">
      {shown.map((c) => (
        <Group
          key={c.id}
          gap="xs"
          wrap="nowrap"
          data-testid="customer-conversation"
          data-conversation-id={c.id}
        >
          {c.channel && <ChannelIcon channel={c.channel} size={14} />}
          <Anchor
            component={Link}
            to={`/conversations/${c.id}`}
            size="sm"
            truncate="end"
            style={{ flex: 1, minWidth: 0 }}
          >
            #{c.number} {c.topic}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {dateFormat.format(new Date(c.createdAt))}
          </Text>
          <Badge size="xs" variant="light" color={STATUS_COLORS[c.status]} style={{ flexShrink: 0 }}>
            {c.status}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
