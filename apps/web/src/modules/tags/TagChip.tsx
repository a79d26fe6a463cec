import { Badge, type BadgeProps } from '@mantine/core';
import type { TagRef } from '@parley/contracts';

/** A tag as a coloured chip, the same everywhere (settings, templates, pickers). */
export function TagChip({ tag, size = 'sm', ...rest }: { tag: Pick<TagRef, 'name' | 'color'> } & BadgeProps) {
  return (
    <Badge variant="light" color={tag.color} radius="sm" tt="none" fw={500} size={size} {...rest}>
      {tag.name}
    </Badge>
  );
}
