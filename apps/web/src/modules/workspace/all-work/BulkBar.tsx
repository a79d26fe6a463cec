import { Anchor, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import type { ViewCount } from '@parley/contracts';
import { IconArrowsExchange, IconCircleCheck, IconDownload, IconFlag, IconStack2 } from '@tabler/icons-react';
import { formatCount } from './all-work-api.ts';
import type { BulkKind } from './BulkActionDialog.tsx';
import type { Selection } from './selection.ts';

/** How a selection is named in titles and buttons: "3 conversations", "all 1,234 matching". */
export function selectionLabel(selection: Selection, total: ViewCount | undefined): string {
  if (selection.mode === 'matching') return total ? `all ${formatCount(total)} matching` : 'all matching';
  return selection.ids.size === 1 ? '1 conversation' : `${selection.ids.size} conversations`;
}

const ACTIONS: { kind: BulkKind | 'download'; label: string; icon: typeof IconFlag }[] = [
  { kind: 'reassign', label: 'Reassign', icon: IconArrowsExchange },
  { kind: 'priority', label: 'Priority', icon: IconFlag },
  { kind: 'status', label: 'Status', icon: IconCircleCheck },
  { kind: 'queue', label: 'Queue', icon: IconStack2 },
  { kind: 'download', label: 'Download', icon: IconDownload },
];

/**
 * Shown while rows are ticked: what is selected, the bulk actions, and — when every loaded row is
 * ticked and the list holds more — the offer to select all conversations matching the list.
 */
export function BulkBar(props: {
  selection: Selection;
  total: ViewCount | undefined;
  pageSelected: boolean;
  loadedCount: number;
  hasMore: boolean;
  onSelectMatching: () => void;
  onClear: () => void;
  onAction: (kind: BulkKind | 'download') => void;
}) {
  const { selection, total } = props;
  const matching = selection.mode === 'matching';
  const more = props.hasMore || (total !== undefined && (total.capped || total.count > props.loadedCount));
  return (
    <Paper radius={0} px="md" py={8} data-testid="bulk-bar" bg="var(--mantine-primary-color-light)">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} data-testid="selection-count">
          {selection.mode === 'matching'
            ? `${total ? `All ${formatCount(total)}` : 'All'} matching selected`
            : `${selection.ids.size} selected`}
        </Text>
        <Group gap={4} wrap="wrap">
          {ACTIONS.map(({ kind, label, icon: Icon }) => (
            <Button
              key={kind}
              size="compact-sm"
              variant="default"
              leftSection={<Icon size={14} />}
              onClick={() => props.onAction(kind)}
              data-testid={`bulk-${kind}`}
            >
              {label}
            </Button>
          ))}
        </Group>
        {props.pageSelected && !matching && more && (
          <Text size="sm" data-testid="selection-banner">
            All {props.loadedCount} loaded conversations are selected.{' '}
            <Anchor
              component="button"
              type="button"
              fw={600}
              onClick={props.onSelectMatching}
              data-testid="select-all-matching"
            >
              {total ? `Select all ${formatCount(total)} matching` : 'Select all matching'}
            </Anchor>
          </Text>
        )}
        <CloseButton
          ml="auto"
          size="sm"
          aria-label="Clear selection"
          onClick={props.onClear}
          data-testid="clear-selection"
        />
      </Group>
    </Paper>
  );
}
