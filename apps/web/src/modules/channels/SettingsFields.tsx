import { NumberInput, PasswordInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import type { FormValues, SettingsField } from './provider-forms.ts';

interface FieldProps {
  field: SettingsField;
  value: string | number | boolean | undefined;
  stored: string | undefined;
  onChange: (key: string, value: string | number | boolean) => void;
}

function SettingsInput({ field, value, stored, onChange }: FieldProps) {
  const common = {
    label: field.label,
    description: field.description,
    placeholder: field.placeholder,
  };
  switch (field.kind) {
    case 'secret': {
      return (
        <PasswordInput
          {...common}
          description={stored ? `Stored, ending in …${stored}. Leave empty to keep it.` : field.description}
          value={String(value ?? '')}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
    }
    case 'number':
      return (
        <NumberInput {...common} value={Number(value)} onChange={(v) => onChange(field.key, Number(v))} />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={[...(field.options ?? [])]}
          value={String(value)}
          allowDeselect={false}
          onChange={(v) => v && onChange(field.key, v)}
        />
      );
    case 'switch':
      return (
        <Switch
          label={field.label}
          checked={Boolean(value)}
          onChange={(e) => onChange(field.key, e.currentTarget.checked)}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={String(value ?? '')}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
  }
}

/** The provider's settings inputs; a secret already stored shows its last four characters as a hint. */
export function SettingsFields({
  fields,
  values,
  secrets,
  onChange,
}: {
  fields: readonly SettingsField[];
  values: FormValues;
  secrets: Record<string, string> | undefined;
  onChange: (key: string, value: string | number | boolean) => void;
}) {
  return fields.map((field) => (
    <SettingsInput
      key={field.key}
      field={field}
      value={values[field.key]}
      stored={secrets?.[field.key]}
      onChange={onChange}
    />
  ));
}
