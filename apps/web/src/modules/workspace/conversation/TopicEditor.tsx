import { Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { LIMITS } from '@parley/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';

/**
 * The conversation's topic, edited in place: click (or Enter on it) to edit, Enter or leaving the
 * field saves, Esc cancels. D11: at most LIMITS.topic characters, never blank.
 */
export function TopicEditor({
  topic,
  disabledReason,
  onSave,
}: {
  topic: string;
  disabledReason: string | null;
  onSave: (topic: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);

  if (draft === null || disabledReason) {
    const title = (
      <Title order={2} fz="lg" lineClamp={1} style={{ wordBreak: 'break-word' }}>
        {topic}
      </Title>
    );
    if (disabledReason) {
      return (
        <div data-testid="conversation-topic" title={disabledReason} style={{ minWidth: 0 }}>
          {title}
        </div>
      );
    }
    return (
      <UnstyledButton
        onClick={() => setDraft(topic)}
        data-testid="conversation-topic"
        aria-label={`Topic: ${topic}. Click to edit`}
        title="Edit the topic"
        style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0, borderRadius: 4 }}
      >
        {title}
        <IconPencil size={14} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} aria-hidden />
      </UnstyledButton>
    );
  }

  const length = [...draft].length;
  const error =
    length > LIMITS.topic
      ? `At most ${LIMITS.topic.toLocaleString()} characters (${length.toLocaleString()} now)`
      : draft.trim() === ''
        ? 'The topic cannot be empty'
        : null;
  const commit = () => {
    if (error) return;
    if (draft.trim() !== topic) onSave(draft.trim());
    setDraft(null);
  };

  return (
    <TextInput
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          setDraft(null);
        }
      }}
      onBlur={() => (error ? setDraft(null) : commit())}
      error={error}
      aria-label="Topic"
      autoFocus
      size="sm"
      style={{ flex: 1, minWidth: 0 }}
      data-testid="conversation-topic"
      rightSection={
        <Text size="xs" c="dimmed" pr={6}>
          Enter
        </Text>
      }
      rightSectionWidth={48}
    />
  );
}
