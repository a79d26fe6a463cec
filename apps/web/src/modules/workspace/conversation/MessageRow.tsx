import { Button, Group, Menu, Text } from '@mantine/core';
import { type Channel, MESSENGER_TAG_LABELS, type TimelineMessage } from '@parley/contracts';
import { IconDots, IconMailOpened, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { CHANNEL_LOOKS } from '../channel-icon.tsx';
import { DeliveryTicks } from './DeliveryTicks.tsx';
import { MessageContent } from './MessageContent.tsx';
import classes from './Timeline.module.css';
import { formatClock, formatFull } from './time-format.ts';
import type { OutboxEntry } from './timeline-rows.ts';

/** What the rows need from the view: who is reading, and the actions rows offer. */
export interface EntryActions {
  myUserId: string;
  /** How the customer is named on their messages. */
  customerName: string;
  onMarkUnread: (messageId: string) => void;
  onRetry: (clientId: string) => void;
  /** Sends a stored message that FAILED again (the same message, `POST /api/messages/:id/retry`). */
  onRetryMessage: (messageId: string) => void;
  onDiscard: (clientId: string) => void;
}

function authorName(message: TimelineMessage, actions: EntryActions): string {
  if (message.direction === 'INBOUND') return actions.customerName;
  if (message.author) return message.author.id === actions.myUserId ? 'You' : message.author.displayName;
  return message.authorKind === 'BOT' ? 'Bot' : 'Parley';
}

/**
 * The hover menu of a customer message. The Menu mounts on first use only: a timeline draws many
 * rows, and a closed Menu per row would cost more than the whole row.
 */
function MessageMenu({ onMarkUnread }: { onMarkUnread: () => void }) {
  const [used, setUsed] = useState(false);
  const trigger = (
    <button
      type="button"
      className={`${classes.iconButton} ${classes.hoverMenu}`}
      aria-label="Message actions"
      onClick={used ? undefined : () => setUsed(true)}
    >
      <IconDots size={16} aria-hidden />
    </button>
  );
  if (!used) return trigger;
  return (
    <Menu position="bottom-start" withinPortal defaultOpened>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          data-testid="mark-unread"
          leftSection={<IconMailOpened size={16} />}
          onClick={onMarkUnread}
        >
          Mark as unread
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The channel a message travelled on; a plain icon with a title (a Tooltip per row is too heavy here). */
function ChannelGlyph({ channel }: { channel: Channel }) {
  const { label, icon: Icon, color } = CHANNEL_LOOKS[channel];
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      style={{ display: 'inline-flex', color, lineHeight: 0 }}
    >
      <Icon size={14} stroke={1.7} aria-hidden />
    </span>
  );
}

/** A message from the customer (left) or to them (right), with time, channel and delivery state. */
export function MessageRow({
  message,
  continued,
  actions,
}: {
  message: TimelineMessage;
  continued: boolean;
  actions: EntryActions;
}) {
  const inbound = message.direction === 'INBOUND';
  const failed = message.deliveryState === 'FAILED';
  return (
    <div
      className={classes.side}
      data-side={inbound ? 'in' : 'out'}
      data-testid="timeline-message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-delivery-state={message.deliveryState}
    >
      {!continued && (
        <div className={classes.author}>
          <ChannelGlyph channel={message.channel} />
          <b>{authorName(message, actions)}</b>
        </div>
      )}
      <div className={classes.line}>
        <div className={classes.bubble} data-first={!continued} data-failed={failed}>
          <MessageContent message={message} />
          <div className={classes.meta}>
            <time dateTime={message.createdAt} title={formatFull(message.createdAt)}>
              {formatClock(message.createdAt)}
            </time>
            {!inbound && <DeliveryTicks state={message.deliveryState} />}
          </div>
        </div>
        {inbound && <MessageMenu onMarkUnread={() => actions.onMarkUnread(message.id)} />}
      </div>
      {message.content.messengerTag && (
        <div className={classes.tagLine} data-testid="messenger-tag-line">
          Message tag: {MESSENGER_TAG_LABELS[message.content.messengerTag].label}
        </div>
      )}
      {failed && (
        <Group gap={4} wrap="nowrap" className={classes.failure} role="alert" data-testid="message-failure">
          <span>Not delivered{message.failureReason ? `: ${message.failureReason}` : ''}</span>
          {!inbound && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconRefresh size={14} />}
              onClick={() => actions.onRetryMessage(message.id)}
              data-testid="retry-message"
            >
              Retry
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}

/**
 * A reply not confirmed by the server yet: pending, or failed with Retry and Discard (the reason is
 * under the composer, and in this row's tooltip once dismissed there).
 */
export function OutboxRow({
  entry,
  continued,
  actions,
}: {
  entry: OutboxEntry;
  continued: boolean;
  actions: EntryActions;
}) {
  const failed = entry.state === 'failed';
  const state = failed ? 'FAILED' : 'PENDING';
  return (
    <div
      className={classes.side}
      data-side="out"
      data-testid="timeline-message"
      data-client-id={entry.clientId}
      data-direction="OUTBOUND"
      data-delivery-state={state}
    >
      {!continued && (
        <div className={classes.author}>
          <b>You</b>
        </div>
      )}
      <div className={classes.line}>
        <div className={classes.bubble} data-first={!continued} data-failed={failed}>
          <MessageContent message={entry.preview ?? { contentType: 'TEXT', content: { text: entry.text } }} />
          <div className={classes.meta}>
            <time dateTime={entry.createdAt}>{formatClock(entry.createdAt)}</time>
            <DeliveryTicks state={state} />
          </div>
        </div>
      </div>
      {failed && (
        <Group gap={4} mt={2} wrap="nowrap">
          <Text size="xs" c="red.7" title={entry.error} role="alert">
            Not sent
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} />}
            onClick={() => actions.onRetry(entry.clientId)}
          >
            Retry
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconTrash size={14} />}
            onClick={() => actions.onDiscard(entry.clientId)}
          >
            Discard
          </Button>
        </Group>
      )}
    </div>
  );
}
