import { Badge, Group, Table, Text } from '@mantine/core';
import type { ConversationListItem } from '@parley/contracts';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useNow } from '../../../lib/use-now.ts';
import { ChannelIcon } from '../channel-icon.tsx';
import { STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import { conversationPath } from './ConversationList.tsx';
import { customerLabel, previewLabel } from './ConversationRow.tsx';
import { formatFullTime, formatListTime } from './relative-time.ts';
import { useListKeyboard } from './use-list-keyboard.ts';

/**
 * The wide form of a conversation list (one line per conversation), for full-width pages. The
 * customer cell is the row's link: the keyboard moves between those (LIST_SHORTCUTS).
 */
export function ConversationTable({
  items,
  label,
  testId,
}: {
  items: readonly ConversationListItem[];
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLTableElement>(null);
  const now = useNow(30_000);
  const navigate = useNavigate();
  const onKeyDown = useListKeyboard(ref);

  return (
    <Table
      ref={ref}
      layout="fixed"
      highlightOnHover
      verticalSpacing={8}
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">Customer</Table.Th>
          <Table.Th>Last customer message</Table.Th>
          <Table.Th w={104}>Status</Table.Th>
          <Table.Th w={110} ta="right">
            Received
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item, index) => {
          const unread = item.unreadCount > 0;
          const status = STATUS_LOOKS[item.status];
          const time = item.lastCustomerMessageAt ?? item.createdAt;
          return (
            <Table.Tr
              key={item.id}
              data-testid="conversation-row"
              data-conversation-id={item.id}
              data-status={item.status}
              data-unread={item.unreadCount}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(conversationPath(item.id))}
            >
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  {item.channels.map((c) => (
                    <ChannelIcon key={c} channel={c} size={15} />
                  ))}
                  <Text
                    component={Link}
                    to={conversationPath(item.id)}
                    data-list-row
                    tabIndex={index === 0 ? 0 : -1}
                    size="sm"
                    fw={unread ? 700 : 500}
                    c="var(--mantine-color-text)"
                    td="none"
                    truncate
                    onClick={(event) => event.stopPropagation()}
                  >
                    {customerLabel(item)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  #{item.number} · {item.topic}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={unread ? undefined : 'dimmed'} fw={unread ? 500 : 400} truncate>
                  {previewLabel(item)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={status.color} radius="sm">
                  {status.label}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  {unread && (
                    <Badge size="sm" radius="xl" circle={item.unreadCount < 10} data-testid="unread-count">
                      {item.unreadCount > 99 ? '99+' : item.unreadCount}
                    </Badge>
                  )}
                  <Text
                    component="time"
                    dateTime={time}
                    title={formatFullTime(time)}
                    size="xs"
                    c={unread ? 'var(--mantine-primary-color-filled)' : 'dimmed'}
                    fw={unread ? 600 : 400}
                  >
                    {formatListTime(time, now)}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
