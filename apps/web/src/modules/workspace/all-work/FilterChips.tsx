import { Button, Group, Pill } from '@mantine/core';
import type { ViewFilters } from '@parley/contracts';
import { type FilterNames, filterChips } from './filter-chips.ts';
import type { EditFilters } from './use-list-url.ts';

/** The applied tray filters while the tray is folded: each removable, or all at once. */
export function FilterChips({
  filters,
  names,
  onChange,
  onClear,
}: {
  filters: ViewFilters;
  names: FilterNames;
  onChange: EditFilters;
  onClear: () => void;
}) {
  const chips = filterChips(filters, names);
  if (chips.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" role="list" aria-label="Applied filters" data-testid="filter-chips">
      {chips.map((chip) => (
        <Pill
          key={chip.key}
          role="listitem"
          size="md"
          withRemoveButton
          // Pill hides its remove button from keyboards and screen readers (it expects an input beside it).
          removeButtonProps={{
            'aria-label': `Remove filter ${chip.label}`,
            'aria-hidden': false,
            tabIndex: 0,
          }}
          onRemove={() => onChange(chip.remove)}
          data-testid="filter-chip"
          data-filter={chip.key}
        >
          <b>{chip.label}:</b> {chip.value}
        </Pill>
      ))}
      {chips.length > 1 && (
        <Button variant="subtle" size="compact-xs" onClick={onClear}>
          Clear all
        </Button>
      )}
    </Group>
  );
}
