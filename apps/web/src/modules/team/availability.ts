import type { MantineColor } from '@mantine/core';
import { AVAILABILITIES, type Availability } from '@parley/contracts';

/** How each D1 availability is named and coloured everywhere in the app. */
export const AVAILABILITY_META: Record<Availability, { label: string; color: MantineColor; dot: string }> = {
  ACTIVE: { label: 'Active', color: 'green', dot: 'var(--mantine-color-green-6)' },
  BUSY: { label: 'Busy', color: 'red', dot: 'var(--mantine-color-red-6)' },
  AWAY: { label: 'Away', color: 'yellow', dot: 'var(--mantine-color-yellow-5)' },
  // A mid grey: the darker shades disappear against the dark theme.
  OFFLINE: { label: 'Offline', color: 'gray', dot: 'var(--mantine-color-gray-5)' },
};

export const AVAILABILITY_ORDER: readonly Availability[] = AVAILABILITIES;
