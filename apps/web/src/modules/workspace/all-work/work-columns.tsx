import { Badge, Group, Text } from '@mantine/core';
import type { ConversationListItem, ConversationSort } from '@parley/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChannelIcon } from '../channel-icon.tsx';
import { PRIORITY_LOOKS, STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import { customerLabel } from '../my-work/ConversationRow.tsx';
import { formatFullTime, formatListTime } from '../my-work/relative-time.ts';
import classes from './WorkTable.module.css';

/** One column of the ALL WORK table. */
export interface WorkColumn {
  id: string;
  header: string;
  /** Its track in the row's CSS grid. */
  width: string;
  /** The list ordering a click on the header chooses; unsortable columns have none. */
  sort?: ConversationSort;
  align?: 'end';
  /** The header is read to screen readers only (the icons speak for themselves). */
  hideHeader?: boolean;
  cell: (row: ConversationListItem, now: number) => ReactNode;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait as dense lists show it: "<1m", "12m", "3h 5m", "2d 4h". */
export function formatWait(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return '<1m';
  if (safe < HOUR) return `${Math.floor(safe / MINUTE)}m`;
  if (safe < DAY) {
    const minutes = Math.floor((safe % HOUR) / MINUTE);
    return `${Math.floor(safe / HOUR)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const hours = Math.floor((safe % DAY) / HOUR);
  return `${Math.floor(safe / DAY)}d${hours ? ` ${hours}h` : ''}`;
}

const conversationPath = (id: string) => `/conversations/${id}`;

function TopicCell({ row }: { row: ConversationListItem }) {
  const unread = row.unreadCount > 0;
  const status = STATUS_LOOKS[row.status];
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Text span size="xs" c="dimmed" className={classes.number}>
        #{row.number}
      </Text>
      <Text
        component={Link}
        to={conversationPath(row.id)}
        tabIndex={-1}
        size="sm"
        fw={unread ? 700 : 500}
        c="var(--mantine-color-text)"
        td="none"
        truncate
        title={row.topic}
        data-testid="row-topic"
      >
        {row.topic}
      </Text>
      {row.status !== 'OPEN' && (
        <Badge size="xs" variant="light" color={status.color} radius="sm" className={classes.noShrink}>
          {status.label}
        </Badge>
      )}
      {unread && (
        <Badge size="xs" radius="xl" className={classes.noShrink} aria-label={`${row.unreadCount} unread`}>
          {row.unreadCount > 99 ? '99+' : row.unreadCount}
        </Badge>
      )}
    </Group>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" truncate>
      {children}
    </Text>
  );
}

function Plain({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <Text size="sm" truncate title={title}>
      {children}
    </Text>
  );
}

/**
 * The columns, in D5's order. A sentiment column (D5 "sentiment, when enabled", a later issue) goes
 * between priority and requested, added here like the others.
 */
export const WORK_COLUMNS: readonly WorkColumn[] = [
  {
    id: 'channel',
    header: 'Channel',
    hideHeader: true,
    // Room for two icons: an omnichannel conversation shows its first two channels.
    width: '34px',
    cell: (row) => (
      <Group gap={2} wrap="nowrap">
        {row.channels.slice(0, 2).map((c) => (
          <ChannelIcon key={c} channel={c} size={16} />
        ))}
      </Group>
    ),
  },
  { id: 'topic', header: 'Topic', width: 'minmax(140px, 2.4fr)', cell: (row) => <TopicCell row={row} /> },
  {
    id: 'customer',
    header: 'Customer',
    width: 'minmax(100px, 1fr)',
    sort: 'customer',
    cell: (row) => <Plain title={row.customer.address ?? undefined}>{customerLabel(row)}</Plain>,
  },
  {
    id: 'agent',
    header: 'Agent',
    width: 'minmax(90px, 0.8fr)',
    cell: (row) => (row.assignee ? <Plain>{row.assignee.displayName}</Plain> : <Dimmed>Unassigned</Dimmed>),
  },
  {
    id: 'queue',
    header: 'Queue',
    width: 'minmax(64px, 0.6fr)',
    cell: (row) => <Plain>{row.queue?.name ?? 'Default'}</Plain>,
  },
  {
    id: 'priority',
    header: 'Priority',
    width: '72px',
    sort: 'priority',
    cell: (row) => (
      <Badge size="sm" variant="light" radius="sm" color={PRIORITY_LOOKS[row.priority].color}>
        {PRIORITY_LOOKS[row.priority].label}
      </Badge>
    ),
  },
  {
    id: 'requested',
    header: 'Requested',
    width: '76px',
    sort: 'requested',
    align: 'end',
    cell: (row, now) => (
      <Text component="time" dateTime={row.createdAt} title={formatFullTime(row.createdAt)} size="sm">
        {formatListTime(row.createdAt, now)}
      </Text>
    ),
  },
  {
    id: 'pending',
    header: 'Pending',
    width: '72px',
    sort: 'pending',
    align: 'end',
    cell: (row, now) =>
      row.pendingSince ? (
        <Text
          size="sm"
          fw={600}
          title={`Waiting for an agent reply since ${formatFullTime(row.pendingSince)}`}
          data-testid="row-pending"
        >
          {formatWait(now - Date.parse(row.pendingSince))}
        </Text>
      ) : (
        <Dimmed>—</Dimmed>
      ),
  },
];

/** The rows' CSS grid: the selection checkbox, then every column. */
export const GRID_TEMPLATE = ['28px', ...WORK_COLUMNS.map((c) => c.width)].join(' ');
