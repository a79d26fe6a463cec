import type { MantineColor } from '@mantine/core';
import type { ConversationStatus, Priority } from '@parley/contracts';

interface Look {
  label: string;
  color: MantineColor;
}

/** D2 status colours: WAITING orange, SOLVED green; OPEN in the primary colour, CLOSED grey. */
export const STATUS_LOOKS: Record<ConversationStatus, Look> = {
  OPEN: { label: 'Open', color: 'indigo' },
  WAITING: { label: 'Waiting', color: 'orange' },
  SOLVED: { label: 'Solved', color: 'green' },
  CLOSED: { label: 'Closed', color: 'gray' },
};

export const PRIORITY_LOOKS: Record<Priority, Look> = {
  LOW: { label: 'Low', color: 'gray' },
  NORMAL: { label: 'Normal', color: 'blue' },
  HIGH: { label: 'High', color: 'orange' },
  URGENT: { label: 'Urgent', color: 'red' },
};
