import { Loader, Text } from '@mantine/core';
import type { Tag } from '@parley/contracts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useDeleteTag, useTagUsageOf } from './tags-api.ts';
import { deletionConsequence } from './usage-text.ts';

/** Confirms deleting a tag, stating how many conversations (or templates) lose it. */
export function DeleteTagDialog({ tag, onClose }: { tag: Tag; onClose: () => void }) {
  const usage = useTagUsageOf(tag.id);
  const remove = useDeleteTag();
  return (
    <ConfirmDialog
      opened
      title={`Delete ${tag.name}?`}
      confirmLabel="Delete tag"
      loading={remove.isPending || usage.isPending}
      onClose={onClose}
      onConfirm={() => remove.mutate(tag.id, { onSuccess: onClose })}
    >
      <span data-testid="tag-delete-consequence">
        {usage.data ? (
          deletionConsequence(tag, usage.data)
        ) : usage.error ? (
          usage.error.message
        ) : (
          <Loader size="xs" />
        )}
      </span>
      {remove.error && (
        <Text component="span" display="block" c="red" mt="xs" fz="sm">
          {remove.error.message}
        </Text>
      )}
    </ConfirmDialog>
  );
}
