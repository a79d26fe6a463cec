import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { AttributeRule, AttributeValue } from '@parley/contracts';
import { IconCheck, IconLock, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { AttributeValueInput } from './AttributeValueInput.tsx';
import { formatValue } from './customer-format.ts';

export interface EditableFieldProps {
  rule: AttributeRule;
  value: AttributeValue | undefined;
  /** Whether this user may change it here. */
  editable: boolean;
  /** Why it cannot be changed, shown on the lock. */
  lockedReason?: string;
  /** Saves the value; a rejection's message shows under the input. */
  onSave: (value: AttributeValue) => Promise<unknown>;
  /** Test ids and data attributes for the row. */
  rowProps?: Record<string, string>;
}

/** One profile field: label and value, changed in place (Enter or ✓ saves, Escape or ✕ cancels). */
export function EditableField({ rule, value, editable, lockedReason, onSave, rowProps }: EditableFieldProps) {
  const [draft, setDraft] = useState<AttributeValue | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = draft !== undefined;

  const save = async (next: AttributeValue) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(typeof next === 'string' && next.trim() === '' ? null : next);
      setDraft(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save');
    } finally {
      setSaving(false);
    }
  };
  const cancel = () => {
    setDraft(undefined);
    setError(null);
  };

  if (editing) {
    return (
      <Stack gap={4} {...rowProps} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
        <Text size="xs" c="dimmed">
          {rule.name}
        </Text>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <AttributeValueInput
              rule={rule}
              value={draft}
              onChange={setDraft}
              onCommit={(v) => void save(v)}
              error={error}
              autoFocus
              size="xs"
            />
          </div>
          <ActionIcon
            variant="light"
            size={30}
            onClick={() => void save(draft)}
            loading={saving}
            aria-label={`Save ${rule.name}`}
          >
            <IconCheck size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" size={30} onClick={cancel} aria-label="Cancel">
            <IconX size={16} />
          </ActionIcon>
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" align="center" mih={26} {...rowProps}>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0, maxWidth: '45%' }} truncate="end">
        {rule.name}
      </Text>
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="sm" ta="right" truncate="end" data-testid="field-value">
          {formatValue(rule, value)}
        </Text>
        {editable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setDraft(value ?? null)}
            aria-label={`Edit ${rule.name}`}
          >
            <IconPencil size={14} />
          </ActionIcon>
        ) : (
          <Tooltip label={lockedReason ?? 'View only'} withArrow>
            <span
              style={{
                display: 'inline-flex',
                color: 'var(--mantine-color-gray-5)',
                width: 22,
                justifyContent: 'center',
              }}
              role="img"
              aria-label={lockedReason ?? 'View only'}
            >
              <IconLock size={13} />
            </span>
          </Tooltip>
        )}
      </Group>
    </Group>
  );
}
