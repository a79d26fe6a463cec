import {
  Button,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import {
  CHANNELS,
  type Channel,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
  type ViewFilters,
} from '@parley/contracts';
import { useEffect, useState } from 'react';
import { channelLabel } from '../channel-icon.tsx';
import { PRIORITY_LOOKS, STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import classes from './AllWorkPage.module.css';
import { CustomerFilter } from './CustomerFilter.tsx';
import {
  dayAfterStart,
  dayOf,
  dayStart,
  lastDayBefore,
  type PendingUnit,
  pendingAmount,
  pendingSeconds,
} from './filter-chips.ts';
import { patchFilters, showsClosed } from './list-url.ts';
import type { FilterChoices } from './use-filter-names.ts';
import type { EditFilters } from './use-list-url.ts';

type Change = EditFilters;

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));
const PRIORITY_OPTIONS = [...PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LOOKS[p].label }));

/** "Pending agent reply longer than": applied when the field is left or Enter is pressed, or the unit changes. */
function PendingField({ filters, onChange }: { filters: ViewFilters; onChange: Change }) {
  const applied = filters.pendingLongerThanSeconds;
  const initial = applied === undefined ? null : pendingAmount(applied);
  const [amount, setAmount] = useState<number | string>(initial?.amount ?? '');
  const [unit, setUnit] = useState<PendingUnit>(initial?.unit ?? 'minutes');
  useEffect(() => {
    const shown = applied === undefined ? null : pendingAmount(applied);
    setAmount(shown?.amount ?? '');
    if (shown) setUnit(shown.unit);
  }, [applied]);

  const apply = (value: number | string, chosen: PendingUnit) => {
    const seconds = typeof value === 'number' ? pendingSeconds(value, chosen) : undefined;
    if (seconds !== applied) onChange((f) => patchFilters(f, { pendingLongerThanSeconds: seconds }));
  };
  return (
    <Input.Wrapper label="Pending reply longer than">
      <Group gap={6} wrap="nowrap">
        <NumberInput
          aria-label="Pending agent reply longer than"
          placeholder="Any time"
          min={0}
          max={100_000}
          allowDecimal={false}
          value={amount}
          onChange={setAmount}
          onBlur={() => apply(amount, unit)}
          onKeyDown={(event) => event.key === 'Enter' && apply(amount, unit)}
          data-testid="filter-pending"
          style={{ flex: 1 }}
        />
        <Select
          aria-label="Unit"
          w={104}
          allowDeselect={false}
          data={[
            { value: 'minutes', label: 'minutes' },
            { value: 'hours', label: 'hours' },
          ]}
          value={unit}
          onChange={(value) => {
            const next = (value ?? 'minutes') as PendingUnit;
            setUnit(next);
            apply(amount, next);
          }}
        />
      </Group>
    </Input.Wrapper>
  );
}

/** Date inputs show their whole "mm/dd/yyyy" in a third of the tray. */
const DATE_STYLES = { input: { paddingInline: 6, fontSize: 'var(--mantine-font-size-xs)' } };

/** From/to days (local time; "to" includes its whole day). */
function DateRange({ filters, onChange }: { filters: ViewFilters; onChange: Change }) {
  const from = filters.createdFrom ? dayOf(filters.createdFrom) : '';
  const to = filters.createdTo ? lastDayBefore(filters.createdTo) : '';
  return (
    <Input.Wrapper label="Requested between">
      <Group gap={6} grow wrap="nowrap">
        <TextInput
          type="date"
          aria-label="Requested from"
          styles={DATE_STYLES}
          value={from}
          max={to || undefined}
          data-testid="filter-created-from"
          onChange={(event) => {
            const createdFrom = dayStart(event.currentTarget.value);
            onChange((f) => patchFilters(f, { createdFrom }));
          }}
        />
        <TextInput
          type="date"
          aria-label="Requested to"
          styles={DATE_STYLES}
          value={to}
          min={from || undefined}
          data-testid="filter-created-to"
          onChange={(event) => {
            const createdTo = dayAfterStart(event.currentTarget.value);
            onChange((f) => patchFilters(f, { createdTo }));
          }}
        />
      </Group>
    </Input.Wrapper>
  );
}

/**
 * The filter tray (D5): channels, requested dates, priority, status, pending agent reply, queues,
 * agents, customer and tags. Every change applies at once (and lands in the URL).
 */
export function FilterTray(props: {
  filters: ViewFilters;
  onChange: Change;
  choices: FilterChoices;
  onClear: () => void;
  onClose: () => void;
}) {
  const { filters, onChange, choices } = props;
  const closedListed = showsClosed(filters.view);
  const statusOptions = CONVERSATION_STATUSES.map((s) => ({
    value: s,
    label: STATUS_LOOKS[s].label,
    disabled: s === 'CLOSED' && !closedListed,
  }));
  const multi = { searchable: true, clearable: true, comboboxProps: { withinPortal: true } } as const;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      className={classes.tray}
      id="all-work-filter-tray"
      data-testid="filter-tray"
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <MultiSelect
          label="Channels"
          placeholder={filters.channel?.length ? undefined : 'Any channel'}
          data={CHANNEL_OPTIONS}
          value={filters.channel ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { channel: value as Channel[] }))}
          data-testid="filter-channels"
          {...multi}
        />
        <DateRange filters={filters} onChange={onChange} />
        <MultiSelect
          label="Priority"
          placeholder={filters.priority?.length ? undefined : 'Any priority'}
          data={PRIORITY_OPTIONS}
          value={filters.priority ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { priority: value as Priority[] }))}
          data-testid="filter-priority"
          {...multi}
        />
        <MultiSelect
          label="Status"
          placeholder={filters.status?.length ? undefined : 'Any status'}
          description={closedListed ? undefined : 'Closed conversations are in History'}
          data={statusOptions}
          value={filters.status ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { status: value as ConversationStatus[] }))}
          data-testid="filter-status"
          {...multi}
        />
        <PendingField filters={filters} onChange={onChange} />
        <MultiSelect
          label="Queues"
          placeholder={filters.queueId?.length ? undefined : 'Any queue'}
          data={choices.queues}
          value={filters.queueId ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { queueId: value }))}
          data-testid="filter-queues"
          {...multi}
        />
        <MultiSelect
          label="Agents"
          placeholder={filters.assigneeId?.length ? undefined : 'Any agent'}
          data={choices.agents}
          value={filters.assigneeId ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { assigneeId: value }))}
          data-testid="filter-agents"
          {...multi}
        />
        <CustomerFilter
          customerId={filters.customerId}
          name={filters.customerId ? choices.names.customer(filters.customerId) : undefined}
          onChange={(customerId) => onChange((f) => patchFilters(f, { customerId }))}
        />
        <MultiSelect
          label="Tags"
          placeholder={filters.tag?.length ? undefined : 'Any tag'}
          data={choices.tags}
          value={filters.tag ?? []}
          onChange={(value) => onChange((f) => patchFilters(f, { tag: value }))}
          data-testid="filter-tags"
          {...multi}
        />
      </SimpleGrid>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="subtle" size="xs" onClick={props.onClear} data-testid="clear-filters">
          Clear filters
        </Button>
        <Button variant="default" size="xs" onClick={props.onClose} data-testid="filter-tray-close">
          Hide filters
        </Button>
      </Group>
    </Paper>
  );
}
