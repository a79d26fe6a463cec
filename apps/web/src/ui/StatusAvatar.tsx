import { Avatar, type AvatarProps, Indicator, type MantineColor } from '@mantine/core';

export interface StatusAvatarProps {
  name: string;
  /** Colour of the dot at the bottom right (a theme colour or any CSS colour). */
  color: MantineColor;
  /** What the dot means, for screen readers and the tooltip. */
  statusLabel: string;
  size?: AvatarProps['size'];
}

/** A person's initials with a coloured status dot. */
export function StatusAvatar({ name, color, statusLabel, size = 'md' }: StatusAvatarProps) {
  return (
    <Indicator
      color={color}
      size={size === 'sm' ? 10 : 12}
      offset={size === 'sm' ? 4 : 6}
      position="bottom-end"
      withBorder
      title={statusLabel}
      aria-label={statusLabel}
    >
      <Avatar name={name} color="initials" size={size} radius="xl" />
    </Indicator>
  );
}
