import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  fillWhatsAppTemplate,
  type TemplateParameters,
  templateParameterProblems,
  type WhatsAppTemplate,
} from '@parley/contracts';
import { IconSend } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { TemplateMessage } from '../workspace/conversation/TemplateMessage.tsx';
import classes from './WhatsAppTemplateForm.module.css';
import { useWhatsAppTemplates } from './whatsapp-templates-api.ts';

/** A WhatsApp template chosen and filled in the composer. */
export interface FilledTemplateChoice {
  template: WhatsAppTemplate;
  parameters: TemplateParameters;
}

const sendable = (t: WhatsAppTemplate) => t.status === 'APPROVED' && t.unsupportedReason === null;

function options(items: readonly WhatsAppTemplate[]) {
  const label = (t: WhatsAppTemplate) => `${t.name} · ${t.language}`;
  const others = items.filter((t) => !sendable(t));
  return [
    { group: 'Approved', items: items.filter(sendable).map((t) => ({ value: t.id, label: label(t) })) },
    ...(others.length > 0
      ? [
          {
            group: 'Cannot be sent',
            items: others.map((t) => ({
              value: t.id,
              label: `${label(t)} (${t.unsupportedReason ? 'unsupported' : t.status.toLowerCase()})`,
              disabled: true,
            })),
          },
        ]
      : []),
  ];
}

/**
 * D7: the composer's WhatsApp template picker. The agent chooses an approved template of our
 * sender and fills only its placeholders (header, body and button values as the registry defines
 * them), with a live preview of what the customer will read.
 */
export function WhatsAppTemplateForm({
  sender,
  onSend,
  onCancel,
  disabled,
  footerStart,
}: {
  sender: string | null;
  onSend: (choice: FilledTemplateChoice) => void;
  /** Offered inside the 24-hour window: back to free text. */
  onCancel?: () => void;
  disabled?: boolean;
  /** Shown at the start of the send row (the composer's Reply / Internal note switch). */
  footerStart?: ReactNode;
}) {
  const templates = useWhatsAppTemplates(sender, sender !== null);
  const [id, setId] = useState<string | null>(null);
  const [values, setValues] = useState<TemplateParameters>({});
  const items = templates.data?.items ?? [];
  const template = items.find((t) => t.id === id && sendable(t));
  const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
  const problems = template ? templateParameterProblems(template.placeholders, filled) : ['no template'];

  const send = () => {
    if (!template || problems.length > 0 || disabled) return;
    onSend({ template, parameters: filled });
    setId(null);
    setValues({});
  };

  return (
    <div className={classes.form} data-testid="template-form">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Select
          size="xs"
          style={{ flex: 1 }}
          placeholder={templates.isPending ? 'Loading templates…' : 'Choose an approved WhatsApp template'}
          aria-label="WhatsApp template"
          data={options(items)}
          value={template?.id ?? null}
          onChange={(next) => {
            setId(next);
            setValues({});
          }}
          searchable
          nothingFoundMessage="No template matches"
          disabled={disabled}
          comboboxProps={{ position: 'top-start' }}
          data-testid="template-select"
        />
        {onCancel && (
          <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
            Write free text
          </Button>
        )}
      </Group>
      {templates.data && !items.some(sendable) && (
        <Text size="xs" c="dimmed" mt={6}>
          No approved template for {sender}. A supervisor can sync the registry under Settings → WhatsApp
          templates.
        </Text>
      )}
      {templates.error && (
        <Text size="xs" c="red.7" mt={6}>
          Templates could not be loaded: {templates.error.message}
        </Text>
      )}
      {template && (
        <div className={classes.fields}>
          <Stack gap={6} className={classes.values}>
            {template.placeholders.length === 0 && (
              <Text size="xs" c="dimmed">
                This template has nothing to fill.
              </Text>
            )}
            {template.placeholders.map((p) => (
              <TextInput
                key={p.key}
                size="xs"
                label={p.label}
                placeholder={p.example ?? (p.kind === 'URL' ? 'https://' : '')}
                required={p.required}
                maxLength={p.maxLength}
                value={values[p.key] ?? ''}
                onChange={(event) => {
                  const next = event.currentTarget.value;
                  setValues((current) => ({ ...current, [p.key]: next }));
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') send();
                }}
                data-testid={`placeholder-${p.key}`}
              />
            ))}
          </Stack>
          <section className={classes.preview} aria-label="Preview" data-testid="template-preview">
            <TemplateMessage content={fillWhatsAppTemplate(template, values)} />
          </section>
        </div>
      )}
      <Group justify={footerStart ? 'space-between' : 'flex-end'} mt={8} pb={8}>
        {footerStart}
        <Button
          size="xs"
          rightSection={<IconSend size={14} />}
          disabled={!template || problems.length > 0 || disabled}
          title={template && problems.length > 0 ? problems.join('\n') : undefined}
          onClick={send}
          data-testid="template-send"
        >
          Send template
        </Button>
      </Group>
    </div>
  );
}
