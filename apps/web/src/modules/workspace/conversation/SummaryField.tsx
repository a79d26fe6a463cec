import { Textarea } from '@mantine/core';
import { LIMITS } from '@parley/contracts';
import { useState } from 'react';

/** D2 summary: free text saved when the field is left (D11: at most LIMITS.summary characters). */
export function SummaryField({
  summary,
  disabledReason,
  onSave,
}: {
  summary: string | null;
  disabledReason: string | null;
  onSave: (summary: string | null) => void;
}) {
  // The draft exists only while editing; otherwise the field shows the conversation as it is now.
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? summary ?? '';
  const length = [...value].length;
  const error = length > LIMITS.summary ? `At most ${LIMITS.summary.toLocaleString()} characters` : null;

  return (
    <Textarea
      label="Summary"
      placeholder={disabledReason ? 'No summary' : 'What is this conversation about?'}
      value={value}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => {
        if (draft === null) return;
        const next = draft.trim() === '' ? null : draft;
        if (!error && next !== summary) onSave(next);
        if (!error) setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          setDraft(null);
          event.currentTarget.blur();
        }
      }}
      error={error}
      description={
        draft !== null
          ? `${length.toLocaleString()} / ${LIMITS.summary.toLocaleString()} · saved when you leave the field`
          : undefined
      }
      disabled={!!disabledReason}
      autosize
      minRows={2}
      maxRows={8}
      size="sm"
      data-testid="summary-input"
    />
  );
}
