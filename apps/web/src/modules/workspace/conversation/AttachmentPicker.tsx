import { ActionIcon, CloseButton, Group, Loader, Text, Tooltip } from '@mantine/core';
import type { Attachment } from '@parley/contracts';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../../lib/api.ts';

/** Uploads a file to the attachment store; the reply then carries its id. */
export function useAttachmentUpload() {
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<Attachment>(`/api/attachments?fileName=${encodeURIComponent(file.name)}`, file),
    meta: { inlineError: true },
  });
}

const kilobytes = (size: number) =>
  size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

/** The paperclip: picks one file and uploads it at once. */
export function AttachButton({ onPick, disabled }: { onPick: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Tooltip label="Attach a file">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label="Attach a file"
          disabled={disabled}
          onClick={() => input.current?.click()}
          data-testid="attach-button"
        >
          <IconPaperclip size={18} />
        </ActionIcon>
      </Tooltip>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="attach-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onPick(file);
        }}
      />
    </>
  );
}

/** The file a reply will carry (its text becomes the caption), or the upload in progress. */
export function AttachmentChip({
  attachment,
  uploading,
  onRemove,
}: {
  attachment: Attachment | null;
  uploading: string | null;
  onRemove: () => void;
}) {
  if (!attachment && !uploading) return null;
  return (
    <Group gap={6} px={12} pt={8} wrap="nowrap" data-testid="attachment-chip">
      {uploading ? <Loader size={12} /> : <IconPaperclip size={14} aria-hidden />}
      <Text size="xs" fw={600} truncate="end" style={{ minWidth: 0 }}>
        {attachment?.fileName ?? uploading}
      </Text>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        {attachment ? kilobytes(attachment.size) : 'uploading…'}
      </Text>
      {attachment && <CloseButton size="xs" aria-label="Remove the file" onClick={onRemove} />}
    </Group>
  );
}
