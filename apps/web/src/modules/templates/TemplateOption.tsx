import { Badge, Group, Text } from '@mantine/core';
import { fillTemplate, languageName, type TemplateContext } from '@parley/contracts';
import type { HTMLAttributes } from 'react';
import { TagChip } from '../tags/TagChip.tsx';
import classes from './TemplateOption.module.css';
import type { TemplateHit } from './template-search.ts';

/** The name with the characters the search matched in bold. */
function HighlightedName({ name, indices }: { name: string; indices: readonly number[] }) {
  if (indices.length === 0) return name;
  const matched = new Set(indices);
  return [...name].map((char, i) =>
    matched.has(i) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: characters of a fixed string, never reordered
      <mark key={i} className={classes.match}>
        {char}
      </mark>
    ) : (
      char
    ),
  );
}

/**
 * One template in a picker: name (search matches in bold), language, tags, and the text as it
 * will be inserted (variables filled). The picker's box handles the arrow keys; this handles
 * clicks (and Enter should the option itself ever hold the focus).
 */
export function TemplateOption({
  hit,
  context,
  active,
  onPick,
  ...rest
}: {
  hit: TemplateHit;
  context: TemplateContext;
  active: boolean;
  onPick: () => void;
} & Omit<HTMLAttributes<HTMLDivElement>, 'onClick'>) {
  const { template } = hit;
  return (
    <div
      role="option"
      aria-selected={active}
      data-active={active || undefined}
      className={classes.option}
      // Out of the tab order: the search or reply box drives the list (aria-activedescendant).
      tabIndex={-1}
      // The reply box keeps the focus (and the caret) while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onPick();
        }
      }}
      {...rest}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={600} truncate="end">
          <HighlightedName name={template.name} indices={hit.nameIndices} />
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {template.tags.slice(0, 2).map((tag) => (
            <TagChip key={tag.id} tag={tag} size="xs" />
          ))}
          {template.language !== 'en' && (
            <Badge variant="outline" color="gray" size="xs">
              {languageName(template.language)}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2} mt={2}>
        {fillTemplate(template.text, context)}
      </Text>
    </div>
  );
}
