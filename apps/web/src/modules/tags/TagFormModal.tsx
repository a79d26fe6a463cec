import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS, TAG_PALETTE, type Tag, type TagKind } from '@parley/contracts';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { ColorPalette } from './ColorPalette.tsx';
import { TagChip } from './TagChip.tsx';
import { useCreateTag, useUpdateTag } from './tags-api.ts';

const TagForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the tag a name')
    .max(LIMITS.tagName, `At most ${LIMITS.tagName} characters`),
  color: z.string(),
  kind: z.enum(['conversation', 'template']),
});
type TagForm = z.infer<typeof TagForm>;

export const KIND_LABELS: Record<TagKind, string> = {
  conversation: 'Conversation tag',
  template: 'Template tag',
};

/** Creates a tag (of the kind being shown) or renames / recolours one. */
export function TagFormModal({
  tag,
  kind,
  onClose,
  onSaved,
}: {
  /** The tag to edit; null to create one. */
  tag: Tag | null;
  kind: TagKind;
  onClose: () => void;
  /** After a save, with the tag as stored (the modal closes itself). */
  onSaved?: (tag: Tag) => void;
}) {
  const create = useCreateTag();
  const update = useUpdateTag();
  const mutation = tag ? update : create;
  const form = useForm<TagForm>({
    resolver: zodResolver(TagForm),
    defaultValues: {
      name: tag?.name ?? '',
      color: tag?.color ?? TAG_PALETTE[6].color,
      kind: tag?.kind ?? kind,
    },
  });
  const submit = form.handleSubmit((values) => {
    const done = {
      onSuccess: (saved: Tag) => {
        onSaved?.(saved);
        onClose();
      },
    };
    if (tag) update.mutate({ id: tag.id, body: { name: values.name, color: values.color } }, done);
    else create.mutate(values, done);
  });
  const preview = { name: form.watch('name').trim() || 'Tag name', color: form.watch('color') };

  return (
    <Modal opened onClose={onClose} title={tag ? `Edit ${tag.name}` : 'New tag'} centered>
      <form onSubmit={submit} noValidate data-testid="tag-form">
        <Stack gap="md">
          {!tag && (
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <SegmentedControl
                  fullWidth
                  value={field.value}
                  onChange={field.onChange}
                  data={[
                    { value: 'conversation', label: KIND_LABELS.conversation },
                    { value: 'template', label: KIND_LABELS.template },
                  ]}
                />
              )}
            />
          )}
          <TextInput
            label="Name"
            data-autofocus
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <Controller
            control={form.control}
            name="color"
            render={({ field }) => <ColorPalette value={field.value} onChange={field.onChange} />}
          />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Preview
            </Text>
            <TagChip tag={preview} size="lg" />
          </Group>
          {mutation.error && (
            <Alert color="red" variant="light">
              {mutation.error.message}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {tag ? 'Save' : 'Create tag'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
