import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { CreateApiKeyRequest, type CreatedApiKey } from '@parley/contracts';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateApiKey } from './api-keys-api.ts';

/** Names a new key, then shows the secret once with a copy button; it is not retrievable later. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const form = useForm({ resolver: zodResolver(CreateApiKeyRequest), defaultValues: { name: '' } });
  const close = () => {
    form.reset();
    setCreated(null);
    onClose();
  };
  const submit = form.handleSubmit(({ name }) => create.mutate(name, { onSuccess: setCreated }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy your API key' : 'New API key'}
      centered
      size="lg"
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            This is the only time the key is shown. Copy it now and store it in the calling system's secrets.
          </Alert>
          <Code block data-testid="api-key-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {created.key}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Name"
              description="Which system uses this key, e.g. “CRM integration”."
              data-autofocus
              error={form.formState.errors.name?.message}
              {...form.register('name')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
