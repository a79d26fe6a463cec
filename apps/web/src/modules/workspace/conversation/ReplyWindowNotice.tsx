import { Group, Text } from '@mantine/core';
import { CHANNEL_LABELS, type Channel, formatTimeLeft, type ReplyWindow } from '@parley/contracts';
import { IconClockExclamation, IconClockHour4 } from '@tabler/icons-react';
import { formatDateTime } from './time-format.ts';

/** What the open window allows, per channel that has one. */
function openText(channel: Channel | null, left: string): string {
  switch (channel) {
    case 'WHATSAPP':
      return `WhatsApp reply window: ${left} left for free text`;
    case 'FACEBOOK_MESSENGER':
      return `Messenger: ${left} left to reply without a message tag`;
    default:
      return `${channel ? CHANNEL_LABELS[channel] : 'Reply'} window: ${left} left to reply`;
  }
}

function describe(channel: Channel | null, window: ReplyWindow): { text: string; closed: boolean } | null {
  const label = channel ? CHANNEL_LABELS[channel] : 'this channel';
  switch (window.state) {
    case 'NONE':
      return null;
    case 'OPEN':
      return {
        text: openText(channel, formatTimeLeft(window.closesAt.getTime() - Date.now())),
        closed: false,
      };
    case 'TEMPLATE_ONLY':
      return {
        text: window.closedAt
          ? `The 24-hour window closed ${formatDateTime(window.closedAt.toISOString())}: WhatsApp allows only an approved template until the customer writes again`
          : 'The customer has not written on WhatsApp yet: start with an approved template',
        closed: true,
      };
    case 'TAG_REQUIRED':
      return {
        text: window.closedAt
          ? 'More than 24 hours since the customer’s last message: Messenger needs a message tag'
          : 'The customer has not written on Messenger yet: a message tag is needed',
        closed: true,
      };
    case 'CLOSED':
      return {
        text: window.closedAt
          ? `The 24-hour window closed ${formatDateTime(window.closedAt.toISOString())}: ${label} allows no reply until the customer writes again. Internal notes stay open`
          : `Only the customer can start a conversation on ${label}: replies open once they write. Internal notes stay open`,
        closed: true,
      };
  }
}

/** D7: how long free-form replies stay allowed (WhatsApp, Messenger, Instagram), or what is needed once they are not. */
export function ReplyWindowNotice({ channel, window }: { channel: Channel | null; window: ReplyWindow }) {
  const notice = describe(channel, window);
  if (!notice) return null;
  const Icon = notice.closed ? IconClockExclamation : IconClockHour4;
  const soon = window.state === 'OPEN' && window.closesAt.getTime() - Date.now() < 60 * 60 * 1000;
  const color = notice.closed ? 'orange.8' : soon ? 'orange.7' : 'dimmed';
  return (
    <Group gap={6} mb={6} wrap="nowrap" data-testid="reply-window" data-state={window.state}>
      <Icon size={14} color={`var(--mantine-color-${color.replace('.', '-')})`} aria-hidden />
      <Text size="xs" c={color}>
        {notice.text}
      </Text>
    </Group>
  );
}
