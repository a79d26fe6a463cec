import { Alert, Button, Group, List, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS, type SavedView, VIEW_NAME_MAX, type ViewFilters, type ViewScope } from '@parley/contracts';
import { useState } from 'react';
import { useCreateView, useUpdateView } from './all-work-api.ts';
import { type FilterNames, filterChips } from './filter-chips.ts';
import { baseViewLabel, effectiveSort, ORDER_LABELS } from './list-url.ts';

export type ViewDialogMode = { kind: 'create'; filters: ViewFilters } | { kind: 'rename'; view: SavedView };

/** What a new view will hold, in words. */
function FiltersSummary({ filters, names }: { filters: ViewFilters; names: FilterNames }) {
  const { sort, direction } = effectiveSort(filters);
  const lines = [
    `List: ${baseViewLabel(filters.view)}`,
    ...(filters.q ? [`Search: “${filters.q}”`] : []),
    ...filterChips(filters, names).map((c) => `${c.label}: ${c.value}`),
    `Order: ${sort === 'lastCustomerMessage' ? 'last customer message' : sort}, ${ORDER_LABELS[sort][direction]}`,
  ];
  return (
    <List size="sm" spacing={2} data-testid="view-filters-summary">
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}

/**
 * "+ Create view" (the current filters, private or — for supervisors — global) and "Rename". The
 * server's refusals (a taken name, the private-view limit) show in the form. Give it a `key` per
 * opening, so each starts with a fresh form.
 */
export function ViewDialog(props: {
  mode: ViewDialogMode | null;
  supervisor: boolean;
  privateCount: number;
  names: FilterNames;
  onSaved: (view: SavedView) => void;
  onClose: () => void;
}) {
  const { mode } = props;
  const create = useCreateView();
  const update = useUpdateView();
  const [name, setName] = useState(mode?.kind === 'rename' ? mode.view.name : '');
  const [scope, setScope] = useState<ViewScope>('private');

  const mutation = mode?.kind === 'rename' ? update : create;
  const submit = () => {
    const trimmed = name.trim();
    if (!mode || !trimmed) return;
    const done = { onSuccess: props.onSaved };
    if (mode.kind === 'create') create.mutate({ name: trimmed, scope, filters: mode.filters }, done);
    else update.mutate({ id: mode.view.id, body: { name: trimmed } }, done);
  };
  const atLimit = props.privateCount >= LIMITS.privateViewsPerUser;

  return (
    <Modal
      opened={mode !== null}
      onClose={props.onClose}
      title={mode?.kind === 'rename' ? 'Rename view' : 'Create view'}
      centered
    >
      <form
        data-testid="view-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={VIEW_NAME_MAX}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="view-name"
          />
          {mode?.kind === 'create' && props.supervisor && (
            <SegmentedControl
              aria-label="Who sees the view"
              data={[
                { value: 'private', label: 'Private (only me)' },
                { value: 'global', label: 'Global (everyone)' },
              ]}
              value={scope}
              onChange={(value) => setScope(value as ViewScope)}
              data-testid="view-scope"
            />
          )}
          {mode?.kind === 'create' && scope === 'private' && (
            <Text size="xs" c={atLimit ? 'red' : 'dimmed'}>
              Private views: {props.privateCount} of {LIMITS.privateViewsPerUser} used.
            </Text>
          )}
          {mode?.kind === 'create' && <FiltersSummary filters={mode.filters} names={props.names} />}
          {mutation.error && (
            <Alert color="red" data-testid="view-error">
              {mutation.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={!name.trim()}
              data-testid="view-save"
            >
              {mode?.kind === 'rename' ? 'Rename' : 'Create view'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
