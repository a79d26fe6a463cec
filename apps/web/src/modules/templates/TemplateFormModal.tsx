import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  fillTemplate,
  SAMPLE_TEMPLATE_CONTEXT,
  TEMPLATE_LIMITS,
  type Template,
  TemplateLanguage,
  TemplateText,
} from '@parley/contracts';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { useTagCatalogue } from '../tags/tags-api.ts';
import { CHANNEL_OPTIONS, LANGUAGE_OPTIONS } from './template-options.ts';
import { useCreateTemplate, useUpdateTemplate } from './templates-api.ts';
import { VariablesHelper } from './VariablesHelper.tsx';

const TemplateForm = z.object({
  name: z.string().trim().min(1, 'Give the template a name').max(TEMPLATE_LIMITS.name),
  language: TemplateLanguage,
  /** '' for every channel. */
  channel: z.string(),
  tagIds: z.array(z.string()),
  text: TemplateText,
});
type TemplateForm = z.infer<typeof TemplateForm>;

/** Creates or edits a user-defined template, with a variables helper and a live preview. */
export function TemplateFormModal({ template, onClose }: { template: Template | null; onClose: () => void }) {
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const mutation = template ? update : create;
  const tags = useTagCatalogue('template');
  const textBox = useRef<HTMLTextAreaElement>(null);
  const form = useForm<TemplateForm>({
    resolver: zodResolver(TemplateForm),
    mode: 'onTouched',
    defaultValues: {
      name: template?.name ?? '',
      language: template?.language ?? 'en',
      channel: template?.channel ?? '',
      tagIds: template?.tags.map((t) => t.id) ?? [],
      text: template?.text ?? '',
    },
  });
  const text = form.watch('text');

  const insertToken = (token: string) => {
    const el = textBox.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    form.setValue('text', text.slice(0, start) + token + text.slice(end), { shouldValidate: true });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = form.handleSubmit((values) => {
    const body = {
      ...values,
      channel: values.channel === '' ? null : (values.channel as Template['channel']),
    };
    if (template) update.mutate({ id: template.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={template ? `Edit ${template.name}` : 'New template'}
      size={760}
      centered
    >
      <form onSubmit={submit} noValidate data-testid="template-form">
        <Stack gap="md">
          <TextInput
            label="Name"
            data-autofocus
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <Group grow align="flex-start">
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <Select
                  label="Language"
                  data={LANGUAGE_OPTIONS}
                  searchable
                  allowDeselect={false}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="channel"
              render={({ field }) => (
                <Select
                  label="Channel"
                  data={CHANNEL_OPTIONS}
                  allowDeselect={false}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                />
              )}
            />
          </Group>
          <Controller
            control={form.control}
            name="tagIds"
            render={({ field }) => (
              <MultiSelect
                label="Tags"
                placeholder={field.value.length ? undefined : 'Template tags'}
                data={(tags.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
                searchable
                nothingFoundMessage="No such template tag — add it under Settings → Tags"
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={form.control}
            name="text"
            render={({ field, fieldState }) => (
              <Stack gap={6}>
                <Textarea
                  ref={textBox}
                  label="Text"
                  description="Variables in {{double braces}} are filled in when an agent inserts the template; {{customer.firstName|there}} gives a fallback."
                  autosize
                  minRows={5}
                  maxRows={12}
                  value={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.value)}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  data-testid="template-text"
                />
                <VariablesHelper onInsert={insertToken} />
              </Stack>
            )}
          />
          <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed" mb={4}>
              Preview with sample values (customer Emma Walsh, agent Liam O'Connor, conversation #1042)
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview">
              {text.trim() ? fillTemplate(text, SAMPLE_TEMPLATE_CONTEXT) : 'The filled text appears here.'}
            </Text>
          </Paper>
          {mutation.error && (
            <Alert color="red" variant="light">
              {mutation.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {template ? 'Save' : 'Create template'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
