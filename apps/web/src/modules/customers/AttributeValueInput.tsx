import { NumberInput, Select, TextInput } from '@mantine/core';
import type { AttributeRule, AttributeValue } from '@parley/contracts';
import { GENDER_LABELS } from './customer-format.ts';

export interface AttributeValueInputProps {
  rule: AttributeRule;
  value: AttributeValue;
  onChange: (value: AttributeValue) => void;
  /** Saves at once where the input has a natural "done" (Enter, a picked option). */
  onCommit?: (value: AttributeValue) => void;
  error?: string | null;
  autoFocus?: boolean;
  size?: 'xs' | 'sm';
}

/** The input for one attribute type; an empty input means "no value" (null). */
export function AttributeValueInput({
  rule,
  value,
  onChange,
  onCommit,
  error,
  autoFocus,
  size = 'sm',
}: AttributeValueInputProps) {
  const common = { 'aria-label': rule.name, error: error || undefined, autoFocus, size };
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') onCommit?.(value);
  };
  switch (rule.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          onKeyDown={enter}
          decimalScale={6}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
          onKeyDown={enter}
        />
      );
    case 'yes_no':
    case 'list': {
      const data =
        rule.type === 'yes_no'
          ? [
              { value: 'true', label: 'Yes' },
              { value: 'false', label: 'No' },
            ]
          : rule.options.map((o) => ({
              value: o,
              label: o === 'MALE' || o === 'FEMALE' ? GENDER_LABELS[o] : o,
            }));
      const toValue = (v: string | null): AttributeValue =>
        v === null ? null : rule.type === 'yes_no' ? v === 'true' : v;
      return (
        <Select
          {...common}
          data={data}
          value={value === null ? null : String(value)}
          onChange={(v) => {
            onChange(toValue(v));
            onCommit?.(toValue(v));
          }}
          clearable
          placeholder="—"
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={enter}
        />
      );
  }
}
