import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

interface RowActionsProps {
  /** What the row is called, for the buttons' accessible labels ("Edit Greeting"). */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Tooltip of the edit button (default "Edit"). */
  editLabel?: string;
}

/** The edit and delete icon buttons at the end of a settings table row. */
export function RowActions({ name, onEdit, onDelete, editLabel = 'Edit' }: RowActionsProps) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={editLabel}>
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={onDelete}>
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
