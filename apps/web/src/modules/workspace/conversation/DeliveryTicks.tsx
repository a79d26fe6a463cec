import type { DeliveryState } from '@parley/contracts';
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react';

const LOOKS: Partial<Record<DeliveryState, { label: string; color: string; Icon: typeof IconCheck }>> = {
  PENDING: { label: 'Sending', color: 'var(--mantine-color-dimmed)', Icon: IconClock },
  SENT: { label: 'Sent', color: 'var(--mantine-color-dimmed)', Icon: IconCheck },
  DELIVERED: { label: 'Delivered', color: 'var(--mantine-color-dimmed)', Icon: IconChecks },
  SEEN: { label: 'Seen', color: 'var(--mantine-color-blue-6)', Icon: IconChecks },
  FAILED: { label: 'Not delivered', color: 'var(--mantine-color-red-6)', Icon: IconAlertCircle },
};

/** Delivery state of an outbound message: clock, ✓, ✓✓, blue ✓✓, or red when it failed. */
export function DeliveryTicks({ state }: { state: DeliveryState }) {
  const look = LOOKS[state];
  if (!look) return null;
  const { label, color, Icon } = look;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      style={{ display: 'inline-flex', color, lineHeight: 0 }}
    >
      <Icon size={15} stroke={2} aria-hidden />
    </span>
  );
}
