import { Menu } from '@mantine/core';
import type { Availability } from '@parley/contracts';
import { IconCheck, IconCircleFilled } from '@tabler/icons-react';
import { AVAILABILITY_META, AVAILABILITY_ORDER } from './availability.ts';
import { useSetAvailability } from './team-api.ts';

/** The availability choices inside the profile menu; the current one is ticked. */
export function StatusSelector({ current }: { current: Availability }) {
  const setAvailability = useSetAvailability();
  return (
    <>
      <Menu.Label>Status</Menu.Label>
      {AVAILABILITY_ORDER.map((availability) => {
        const meta = AVAILABILITY_META[availability];
        return (
          <Menu.Item
            key={availability}
            data-testid={`status-${availability}`}
            leftSection={<IconCircleFilled size={12} color={meta.dot} />}
            rightSection={availability === current ? <IconCheck size={14} /> : null}
            onClick={() => {
              if (availability !== current) setAvailability.mutate(availability);
            }}
          >
            {meta.label}
          </Menu.Item>
        );
      })}
    </>
  );
}
