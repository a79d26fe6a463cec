import { Select } from '@mantine/core';
import { MESSENGER_TAG_LABELS, MESSENGER_TAGS, type MessengerTag } from '@parley/contracts';

/** D7: the Messenger message tag a reply after the 24-hour window goes out with. */
export function MessengerTagSelect({
  value,
  onChange,
  disabled,
}: {
  value: MessengerTag | null;
  onChange: (tag: MessengerTag | null) => void;
  disabled?: boolean;
}) {
  return (
    <Select
      size="xs"
      w={230}
      placeholder="Choose a message tag"
      aria-label="Messenger message tag"
      data={MESSENGER_TAGS.map((tag) => ({ value: tag, label: MESSENGER_TAG_LABELS[tag].label }))}
      renderOption={({ option }) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>
            {MESSENGER_TAG_LABELS[option.value as MessengerTag].hint}
          </div>
        </div>
      )}
      value={value}
      onChange={(next) => onChange(next as MessengerTag | null)}
      disabled={disabled}
      comboboxProps={{ position: 'top-start', width: 320 }}
      data-testid="messenger-tag"
    />
  );
}
