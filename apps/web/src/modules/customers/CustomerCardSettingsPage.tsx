import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { ATTRIBUTE_TYPE_LABELS, type AttributeDefinition } from '@parley/contracts';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AttributeFormModal } from './AttributeFormModal.tsx';
import { CardLayoutEditor } from './CardLayoutEditor.tsx';
import { layoutRows } from './card-layout.ts';
import classes from './customers.module.css';
import { useAttributeDefinitions, useCustomerCardConfig, useDeleteAttribute } from './customers-api.ts';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'delete'; attribute: AttributeDefinition } | null;

function AttributesTable({ items, onOpen }: { items: AttributeDefinition[]; onOpen: (d: Dialog) => void }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No attributes yet.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="attribute-definitions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Options</Table.Th>
          <Table.Th w={80} aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.id} data-testid="attribute-definition" data-attribute={d.name}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {d.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{ATTRIBUTE_TYPE_LABELS[d.type]}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {d.options.map((o) => (
                  <Badge key={o} size="sm" variant="light" color="gray">
                    {o}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={0} wrap="nowrap" justify="flex-end">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => onOpen({ kind: 'edit', attribute: d })}
                  aria-label={`Edit ${d.name}`}
                >
                  <IconPencil size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onOpen({ kind: 'delete', attribute: d })}
                  aria-label={`Delete ${d.name}`}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Supervisors: the custom attributes of customer profiles and the customer card agents see (D6). */
export function CustomerCardSettingsPage() {
  const definitions = useAttributeDefinitions();
  const card = useCustomerCardConfig();
  const remove = useDeleteAttribute();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const items = definitions.data?.items ?? [];
  const error = definitions.error ?? card.error;
  const rows = card.data && definitions.data ? layoutRows(card.data, items) : null;

  return (
    <Stack gap="xl">
      <PageHeader
        title="Customer card"
        description="What agents see of a customer next to a conversation, and which values they may change."
      />
      {error && <Alert color="red">{error.message}</Alert>}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Text className={classes.sectionTitle}>Card layout</Text>
          {rows ? <CardLayoutEditor key={JSON.stringify(rows)} initial={rows} /> : !error && <Loader />}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between">
            <Stack gap={2}>
              <Text className={classes.sectionTitle}>Attributes</Text>
              <Text size="sm" c="dimmed">
                Custom fields of every customer profile, also columns of the CSV import and export.
              </Text>
            </Stack>
            <Button
              leftSection={<IconPlus size={16} />}
              variant="light"
              onClick={() => setDialog({ kind: 'create' })}
            >
              New attribute
            </Button>
          </Group>
          {definitions.data ? <AttributesTable items={items} onOpen={setDialog} /> : !error && <Loader />}
        </Stack>
      </Paper>
      {dialog?.kind === 'create' && <AttributeFormModal onClose={close} />}
      {dialog?.kind === 'edit' && <AttributeFormModal attribute={dialog.attribute} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          opened
          title={`Delete ${dialog.attribute.name}?`}
          confirmLabel="Delete attribute"
          loading={remove.isPending}
          onClose={close}
          onConfirm={() => remove.mutate(dialog.attribute.id, { onSuccess: close })}
        >
          Its value is removed from every customer, and the card stops showing it.
        </ConfirmDialog>
      )}
    </Stack>
  );
}
