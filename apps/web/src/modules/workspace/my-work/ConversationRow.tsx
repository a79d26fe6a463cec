import { Badge } from '@mantine/core';
import type { ConversationListItem, MessageContentType } from '@parley/contracts';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { ChannelIcon } from '../channel-icon.tsx';
import { STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import classes from './ConversationRow.module.css';
import { formatFullTime, formatListTime } from './relative-time.ts';

/** What a preview says when the message has no text of its own (a photo without caption …). */
const CONTENT_NAMES: Record<MessageContentType, string> = {
  TEXT: 'Message',
  IMAGE: 'Image',
  VIDEO: 'Video',
  AUDIO: 'Voice message',
  DOCUMENT: 'Document',
  LOCATION: 'Location',
  TEMPLATE: 'Template',
};

export function customerLabel(item: Pick<ConversationListItem, 'customer'>): string {
  return item.customer.name ?? item.customer.address ?? 'Unknown customer';
}

/** The row's preview line: the last customer message, or what it was when it has no text. */
export function previewLabel(item: ConversationListItem): string {
  const preview = item.lastCustomerMessage;
  if (!preview) return 'No message from the customer yet';
  if (preview.contentType === 'TEXT') return preview.text || CONTENT_NAMES.TEXT;
  const name = CONTENT_NAMES[preview.contentType];
  return preview.text ? `${name}: ${preview.text}` : name;
}

export interface ConversationRowProps {
  item: ConversationListItem;
  to: string;
  /** The conversation open on the right. */
  selected: boolean;
  /** Roving focus: only the list's active row is in the tab order. */
  tabIndex: 0 | -1;
  now: number;
  /** Recently viewed rows may belong to anyone: a third line shows the number and who has it. */
  showAssignee?: boolean;
}

/** One compact list row: channel, customer, time of the last customer message, preview, status, unread. */
export function ConversationRow({ item, to, selected, tabIndex, now, showAssignee }: ConversationRowProps) {
  const status = STATUS_LOOKS[item.status];
  const unread = item.unreadCount > 0;
  const time = item.lastCustomerMessageAt ?? item.createdAt;
  const channel = item.channels.length > 1 ? null : item.channels[0];
  return (
    <Link
      to={to}
      className={`${classes.row} ${unread ? classes.unread : ''}`}
      style={{ '--status-color': `var(--mantine-color-${status.color}-filled)` } as CSSProperties}
      tabIndex={tabIndex}
      aria-current={selected ? 'page' : undefined}
      data-list-row
      data-testid="conversation-row"
      data-conversation-id={item.id}
      data-status={item.status}
      data-unread={item.unreadCount}
    >
      <div className={classes.body}>
        <div className={classes.line}>
          {channel ? <ChannelIcon channel={channel} size={15} /> : <OmnichannelIcons item={item} />}
          <span className={classes.name}>{customerLabel(item)}</span>
          <time className={classes.time} dateTime={time} title={formatFullTime(time)}>
            {formatListTime(time, now)}
          </time>
        </div>
        <div className={classes.line}>
          <span className={classes.preview}>{previewLabel(item)}</span>
          {item.status !== 'OPEN' && (
            <Badge size="xs" variant="light" color={status.color} radius="sm">
              {status.label}
            </Badge>
          )}
          {unread && (
            <Badge
              size="sm"
              circle={item.unreadCount < 10}
              radius="xl"
              data-testid="unread-count"
              aria-label={`${item.unreadCount} unread`}
            >
              {item.unreadCount > 99 ? '99+' : item.unreadCount}
            </Badge>
          )}
        </div>
        {showAssignee && (
          <div className={classes.meta}>
            #{item.number} · {item.assignee?.displayName ?? 'Unassigned'}
          </div>
        )}
      </div>
    </Link>
  );
}

/** An omnichannel conversation shows each of its channels (D2: they get their own icon). */
function OmnichannelIcons({ item }: { item: ConversationListItem }) {
  return (
    <span style={{ display: 'inline-flex', gap: 2 }}>
      {item.channels.map((c) => (
        <ChannelIcon key={c} channel={c} size={13} />
      ))}
    </span>
  );
}
