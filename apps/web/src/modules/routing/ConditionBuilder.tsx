import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type Combinator,
  type ConditionGroup,
  type ConditionModel,
  type ConditionRow,
  emptyRow,
  type KindOf,
  MULTI_VALUE_OPERATORS,
  OPERATOR_LABELS,
  operatorsFor,
  WORKING_HOURS_FIELD,
} from './condition-model.ts';
import { CHANNEL_OPTIONS, type Option } from './field-options.ts';

export interface BuilderChoices {
  /** Field choices, grouped (message, customer). */
  fields: { group: string; items: Option[] }[];
  queues: Option[];
  tags: Option[];
  /** How a field's values are typed in the expression. */
  kindOf: KindOf;
  /** The fixed choices of a field (list and yes/no attributes, gender), else null. */
  optionsOf: (field: string) => Option[] | null;
}

function CombinatorSwitch({
  value,
  onChange,
  label,
}: {
  value: Combinator;
  onChange: (c: Combinator) => void;
  label: string;
}) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v as Combinator)}
      data={[
        { value: 'and', label: 'All (AND)' },
        { value: 'or', label: 'Any (OR)' },
      ]}
    />
  );
}

function ValueInput({
  row,
  choices,
  onChange,
}: {
  row: ConditionRow;
  choices: BuilderChoices;
  onChange: (values: string[]) => void;
}) {
  const common = { 'aria-label': 'Value', 'data-testid': 'condition-value', flex: 1, miw: 180 } as const;
  if (row.field === WORKING_HOURS_FIELD) {
    return (
      <Select
        {...common}
        placeholder="Queue"
        data={choices.queues}
        value={row.values[0] ?? null}
        onChange={(v) => onChange(v ? [v] : [])}
        allowDeselect={false}
      />
    );
  }
  const listed =
    row.field === 'message.channel'
      ? CHANNEL_OPTIONS
      : row.field === 'conversation.tags'
        ? choices.tags
        : row.op === 'contains'
          ? null
          : choices.optionsOf(row.field);
  if (listed && !MULTI_VALUE_OPERATORS.includes(row.op)) {
    return (
      <Select
        {...common}
        placeholder="Choose"
        data={listed}
        value={row.values[0] ?? null}
        onChange={(v) => onChange(v ? [v] : [])}
        allowDeselect={false}
      />
    );
  }
  if (listed) {
    return (
      <MultiSelect
        {...common}
        placeholder="Choose"
        data={listed}
        value={row.values}
        onChange={onChange}
        searchable
      />
    );
  }
  if (MULTI_VALUE_OPERATORS.includes(row.op)) {
    return (
      <TagsInput
        {...common}
        placeholder={row.op === 'contains' ? 'Type a word, Enter' : 'Type a value, Enter'}
        value={row.values}
        onChange={onChange}
        acceptValueOnBlur
      />
    );
  }
  return (
    <TextInput
      {...common}
      placeholder="Value"
      value={row.values[0] ?? ''}
      onChange={(e) => onChange([e.currentTarget.value])}
    />
  );
}

function RowEditor({
  row,
  choices,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  choices: BuilderChoices;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
}) {
  const operators = operatorsFor(row.field);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="condition-row">
      <Select
        aria-label="Field"
        data-testid="condition-field"
        w={200}
        data={choices.fields}
        value={row.field}
        allowDeselect={false}
        searchable
        onChange={(field) => field && onChange(emptyRow(field))}
      />
      <Select
        aria-label="Operator"
        data-testid="condition-operator"
        w={180}
        data={operators.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }))}
        value={row.op}
        allowDeselect={false}
        onChange={(op) => {
          if (!op) return;
          const next = op as ConditionRow['op'];
          // Going from several values to one keeps only the first.
          const values = MULTI_VALUE_OPERATORS.includes(next) ? row.values : row.values.slice(0, 1);
          onChange({ ...row, op: next, values });
        }}
      />
      <ValueInput row={row} choices={choices} onChange={(values) => onChange({ ...row, values })} />
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Remove condition" onClick={onRemove}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

function GroupEditor({
  group,
  choices,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  choices: BuilderChoices;
  onChange: (group: ConditionGroup) => void;
  onRemove: () => void;
}) {
  const setRow = (i: number, row: ConditionRow) =>
    onChange({ ...group, rows: group.rows.map((r, j) => (j === i ? row : r)) });
  const removeRow = (i: number) => {
    const rows = group.rows.filter((_, j) => j !== i);
    if (rows.length === 0) onRemove();
    else onChange({ ...group, rows });
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="condition-group">
      <Stack gap="xs">
        {group.rows.length > 1 && (
          <Group gap="xs">
            <Text fz="sm" c="dimmed">
              Match
            </Text>
            <CombinatorSwitch
              label="Combine conditions of this group"
              value={group.combinator}
              onChange={(combinator) => onChange({ ...group, combinator })}
            />
          </Group>
        )}
        {group.rows.map((row, i) => (
          <RowEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            key={i}
            row={row}
            choices={choices}
            onChange={(r) => setRow(i, r)}
            onRemove={() => removeRow(i)}
          />
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange({ ...group, rows: [...group.rows, emptyRow()] })}
        >
          Add condition
        </Button>
      </Stack>
    </Paper>
  );
}

/** Edits a condition as groups of field/operator/value rows combined with AND/OR. */
export function ConditionBuilder({
  value,
  onChange,
  choices,
}: {
  value: ConditionModel;
  onChange: (model: ConditionModel) => void;
  choices: BuilderChoices;
}) {
  const setGroup = (i: number, group: ConditionGroup) =>
    onChange({ ...value, groups: value.groups.map((g, j) => (j === i ? group : g)) });
  const removeGroup = (i: number) => onChange({ ...value, groups: value.groups.filter((_, j) => j !== i) });
  return (
    <Stack gap="xs" data-testid="condition-builder">
      {value.groups.length > 1 && (
        <Group gap="xs">
          <Text fz="sm" c="dimmed">
            Groups combined with
          </Text>
          <CombinatorSwitch
            label="Combine groups"
            value={value.combinator}
            onChange={(combinator) => onChange({ ...value, combinator })}
          />
        </Group>
      )}
      {value.groups.map((group, i) => (
        <GroupEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity beyond their position
          key={i}
          group={group}
          choices={choices}
          onChange={(g) => setGroup(i, g)}
          onRemove={() => removeGroup(i)}
        />
      ))}
      <Button
        variant="light"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          onChange({ ...value, groups: [...value.groups, { combinator: 'and', rows: [emptyRow()] }] })
        }
      >
        Add group
      </Button>
    </Stack>
  );
}
