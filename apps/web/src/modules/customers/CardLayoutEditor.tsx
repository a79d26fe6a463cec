import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { ATTRIBUTE_TYPE_LABELS } from '@parley/contracts';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { type LayoutRow, layoutRequest, MAX_BASIC, move, type Placement, place } from './card-layout.ts';
import classes from './customers.module.css';
import { useSaveCustomerCard } from './customers-api.ts';

const SECTIONS: { placement: Placement; title: string; hint: string }[] = [
  { placement: 'basic', title: 'Basic', hint: `Shown at once, at most ${MAX_BASIC}` },
  { placement: 'additional', title: 'Additional', hint: 'Behind “See more”' },
  { placement: 'hidden', title: 'Not on the card', hint: 'Still on the profile page' },
];

function LayoutRowView({
  row,
  rows,
  onChange,
}: {
  row: LayoutRow;
  rows: LayoutRow[];
  onChange: (rows: LayoutRow[]) => void;
}) {
  const basicFull = rows.filter((r) => r.placement === 'basic').length >= MAX_BASIC;
  const same = rows.filter((r) => r.placement === row.placement);
  const index = same.indexOf(row);
  const hidden = row.placement === 'hidden';
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      py={6}
      data-testid="card-setting"
      data-field={row.label}
      data-placement={row.placement}
    >
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate="end">
          {row.label}
        </Text>
        <Text size="xs" c="dimmed">
          {row.ref.kind === 'standard' ? 'Standard field' : ATTRIBUTE_TYPE_LABELS[row.type]}
        </Text>
      </Stack>
      <SegmentedControl
        size="xs"
        value={row.placement}
        onChange={(p) => onChange(place(rows, row.key, p as Placement))}
        data={[
          { value: 'basic', label: 'Basic', disabled: basicFull && row.placement !== 'basic' },
          { value: 'additional', label: 'See more' },
          { value: 'hidden', label: 'Off' },
        ]}
        aria-label={`Where ${row.label} shows`}
        data-testid="card-placement"
      />
      <Switch
        size="sm"
        label="Agents can edit"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        checked={row.agentEditable}
        disabled={hidden}
        onChange={(e) => {
          const agentEditable = e.currentTarget.checked;
          onChange(rows.map((r) => (r.key === row.key ? { ...r, agentEditable } : r)));
        }}
        data-testid="card-editable"
        w={150}
      />
      <Group gap={0} wrap="nowrap" w={56}>
        {!hidden && (
          <>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              onClick={() => onChange(move(rows, row.key, -1))}
              aria-label={`Move ${row.label} up`}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === same.length - 1}
              onClick={() => onChange(move(rows, row.key, 1))}
              aria-label={`Move ${row.label} down`}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </>
        )}
      </Group>
    </Group>
  );
}

/** A preview of the card as agents will see it. */
function CardPreview({ rows }: { rows: LayoutRow[] }) {
  const line = (r: LayoutRow) => (
    <Group key={r.key} justify="space-between" gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed" truncate="end">
        {r.label}
      </Text>
      <Badge size="xs" variant="light" color={r.agentEditable ? 'teal' : 'gray'}>
        {r.agentEditable ? 'editable' : 'view only'}
      </Badge>
    </Group>
  );
  const basic = rows.filter((r) => r.placement === 'basic');
  const additional = rows.filter((r) => r.placement === 'additional');
  return (
    <Paper withBorder radius="md" p="md" w={260} style={{ flexShrink: 0, alignSelf: 'flex-start' }}>
      <Stack gap={6}>
        <Text className={classes.sectionTitle}>Preview</Text>
        <Text fw={600}>Ana Horvat</Text>
        <Text size="xs" c="dimmed">
          +385 91 123 4567
        </Text>
        {basic.length === 0 && (
          <Text size="xs" c="dimmed">
            No basic fields
          </Text>
        )}
        {basic.map(line)}
        {additional.length > 0 && (
          <Text size="xs" c="blue">
            See more ({additional.length})
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Supervisors place each field on the card (basic, behind "See more", or off) and say whether agents may edit it. */
export function CardLayoutEditor({ initial }: { initial: LayoutRow[] }) {
  const [rows, setRows] = useState(initial);
  const save = useSaveCustomerCard();
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial);
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {dirty ? 'You have unsaved changes.' : 'Agents see the card next to every conversation.'}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty} onClick={() => setRows(initial)}>
              Discard changes
            </Button>
            <Button
              onClick={() =>
                save.mutate(layoutRequest(rows), { onSuccess: () => notifySuccess('Customer card saved') })
              }
              disabled={!dirty}
              loading={save.isPending}
              data-testid="save-card"
            >
              Save card
            </Button>
          </Group>
        </Group>
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        {SECTIONS.map((s) => {
          const inSection = rows.filter((r) => r.placement === s.placement);
          return (
            <Stack key={s.placement} gap={0}>
              <Group gap="xs" align="baseline">
                <Text fw={600} size="sm">
                  {s.title}
                  {s.placement === 'basic' && ` (${inSection.length}/${MAX_BASIC})`}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.hint}
                </Text>
              </Group>
              {inSection.length === 0 && (
                <Text size="sm" c="dimmed" py={6}>
                  None
                </Text>
              )}
              {inSection.map((row) => (
                <LayoutRowView key={row.key} row={row} rows={rows} onChange={setRows} />
              ))}
            </Stack>
          );
        })}
      </Stack>
      <CardPreview rows={rows} />
    </Group>
  );
}
