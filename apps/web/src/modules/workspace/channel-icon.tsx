import { Tooltip } from '@mantine/core';
import type { Channel } from '@parley/contracts';
import {
  IconBrandMessenger,
  IconBrandTelegram,
  IconBrandViber,
  IconBrandWhatsapp,
  IconMail,
  IconMessageCircle,
  IconMessageDots,
  type TablerIcon,
} from '@tabler/icons-react';

interface ChannelLook {
  label: string;
  icon: TablerIcon;
  /** The channel's brand colour, so agents recognise it at a glance in dense lists. */
  color: string;
}

/** How each channel looks everywhere in the workspace (lists, headers, timeline). */
export const CHANNEL_LOOKS: Record<Channel, ChannelLook> = {
  SMS: {
    label: 'SMS',
    icon: IconMessageDots,
    color: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))',
  },
  WHATSAPP: { label: 'WhatsApp', icon: IconBrandWhatsapp, color: '#1f9d55' },
  VIBER: { label: 'Viber', icon: IconBrandViber, color: '#7360f2' },
  FACEBOOK_MESSENGER: { label: 'Messenger', icon: IconBrandMessenger, color: '#0a7cff' },
  TELEGRAM: { label: 'Telegram', icon: IconBrandTelegram, color: '#229ed9' },
  EMAIL: { label: 'E-mail', icon: IconMail, color: 'var(--mantine-color-orange-7)' },
  LIVE_CHAT: { label: 'Live chat', icon: IconMessageCircle, color: 'var(--mantine-color-teal-7)' },
};

/** A channel's human name, e.g. "WhatsApp". */
export function channelLabel(channel: Channel): string {
  return CHANNEL_LOOKS[channel].label;
}

/** The channel's icon in its brand colour, named for screen readers and in a tooltip. */
export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const { label, icon: Icon, color } = CHANNEL_LOOKS[channel];
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <span
        role="img"
        aria-label={label}
        data-channel={channel}
        style={{ display: 'inline-flex', flexShrink: 0, color, lineHeight: 0 }}
      >
        <Icon size={size} stroke={1.7} aria-hidden />
      </span>
    </Tooltip>
  );
}
