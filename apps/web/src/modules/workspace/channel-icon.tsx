import { Tooltip } from '@mantine/core';
import { CHANNEL_LABELS, type Channel } from '@parley/contracts';
import {
  IconBrandApple,
  IconBrandInstagram,
  IconBrandLine,
  IconBrandMessenger,
  IconBrandTelegram,
  IconBrandViber,
  IconBrandWhatsapp,
  IconMail,
  IconMessage2,
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

const ICONS: Record<Channel, Omit<ChannelLook, 'label'>> = {
  SMS: {
    icon: IconMessageDots,
    color: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))',
  },
  WHATSAPP: { icon: IconBrandWhatsapp, color: '#1f9d55' },
  VIBER: { icon: IconBrandViber, color: '#7360f2' },
  FACEBOOK_MESSENGER: { icon: IconBrandMessenger, color: '#0a7cff' },
  TELEGRAM: { icon: IconBrandTelegram, color: '#229ed9' },
  EMAIL: { icon: IconMail, color: 'var(--mantine-color-orange-7)' },
  LIVE_CHAT: { icon: IconMessageCircle, color: 'var(--mantine-color-teal-7)' },
  RCS: { icon: IconMessage2, color: '#1a73e8' },
  INSTAGRAM_MESSAGING: { icon: IconBrandInstagram, color: '#d62976' },
  APPLE_BUSINESS_CHAT: {
    icon: IconBrandApple,
    color: 'light-dark(var(--mantine-color-dark-7), var(--mantine-color-gray-3))',
  },
  LINE: { icon: IconBrandLine, color: '#06a33e' },
};

/** How each channel looks everywhere in the workspace (lists, headers, timeline). */
export const CHANNEL_LOOKS = Object.fromEntries(
  Object.entries(ICONS).map(([channel, look]) => [
    channel,
    { ...look, label: CHANNEL_LABELS[channel as Channel] },
  ]),
) as Record<Channel, ChannelLook>;

/** A channel's human name, e.g. "WhatsApp". */
export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel];
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
