import { Group, Text } from '@mantine/core';
import classes from './CustomerTyping.module.css';

/** "Ana is typing…" above the composer while the customer types (live chat). */
export function CustomerTyping({ name }: { name: string }) {
  return (
    <Group gap={8} className={classes.typing} data-testid="customer-typing" aria-live="polite">
      <span className={classes.dots} aria-hidden>
        <i />
        <i />
        <i />
      </span>
      <Text size="xs" c="dimmed">
        {name} is typing…
      </Text>
    </Group>
  );
}
