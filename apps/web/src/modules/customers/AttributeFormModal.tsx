import { Alert, Button, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import {
  ATTRIBUTE_TYPE_LABELS,
  ATTRIBUTE_TYPES,
  type AttributeDefinition,
  type AttributeType,
  CreateAttributeDefinitionRequest,
  UpdateAttributeDefinitionRequest,
} from '@parley/contracts';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { useCreateAttribute, useUpdateAttribute } from './customers-api.ts';

/** Defines a custom attribute, or (with `attribute`) renames it or changes a list's options; the type is fixed. */
export function AttributeFormModal({
  attribute,
  onClose,
}: {
  attribute?: AttributeDefinition;
  onClose: () => void;
}) {
  const create = useCreateAttribute();
  const update = useUpdateAttribute();
  const [name, setName] = useState(attribute?.name ?? '');
  const [type, setType] = useState<AttributeType>(attribute?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(attribute?.options ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = attribute ? update : create;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = { name, type, options: type === 'list' ? options : [] };
    const parsed = attribute
      ? UpdateAttributeDefinitionRequest.safeParse({ name, ...(type === 'list' && { options }) })
      : CreateAttributeDefinitionRequest.safeParse(body);
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the fields'));
    if (!parsed.success) return;
    const done = () => {
      notifySuccess(attribute ? `${name} saved` : `${name} added`);
      onClose();
    };
    if (attribute)
      update.mutate({ id: attribute.id, name, ...(type === 'list' && { options }) }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  return (
    <Modal opened onClose={onClose} title={attribute ? `Edit ${attribute.name}` : 'New attribute'} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Select
            label="Type"
            data={ATTRIBUTE_TYPES.map((t) => ({ value: t, label: ATTRIBUTE_TYPE_LABELS[t] }))}
            value={type}
            onChange={(t) => t && setType(t as AttributeType)}
            allowDeselect={false}
            disabled={!!attribute}
            description={attribute ? 'The type cannot change once values exist' : undefined}
          />
          {type === 'list' && (
            <TagsInput
              label="Options"
              description="Type an option and press Enter"
              value={options}
              onChange={setOptions}
              required
            />
          )}
          {(problem ?? mutation.error) && <Alert color="red">{problem ?? mutation.error?.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {attribute ? 'Save' : 'Add attribute'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
