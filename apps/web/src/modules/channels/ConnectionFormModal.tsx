import { Alert, Button, Divider, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  CHANNEL_PROVIDERS,
  type Channel,
  type ChannelConnection,
  type ChannelProvider,
  type CreateChannelConnectionRequest,
} from '@parley/contracts';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { channelLabel } from '../workspace/channel-icon.tsx';
import { useCreateConnection, useUpdateConnection } from './channels-api.ts';
import { type FormValues, initialValues, PROVIDER_FORMS, toSettings } from './provider-forms.ts';
import { SettingsFields } from './SettingsFields.tsx';
import { TestResultAlert } from './TestResultAlert.tsx';
import { WebhookDetails } from './WebhookDetails.tsx';

/** The saved connection as the write answered: its webhook (secret once) and the provider check. */
function SavedView({ saved, onDone }: { saved: ChannelConnection; onDone: () => void }) {
  return (
    <Stack gap="md">
      {saved.test && <TestResultAlert result={saved.test} />}
      {saved.webhook ? (
        <WebhookDetails webhook={saved.webhook} />
      ) : (
        <Text c="dimmed">This provider needs no webhook.</Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

/** Add a connection (any provider) or edit one; shows the webhook to configure after saving. */
export function ConnectionFormModal({
  opened,
  connection,
  onClose,
}: {
  opened: boolean;
  connection: ChannelConnection | null;
  onClose: () => void;
}) {
  const create = useCreateConnection();
  const update = useUpdateConnection();
  const [provider, setProvider] = useState<ChannelProvider>(connection?.provider ?? 'telegram');
  const form = PROVIDER_FORMS[provider];
  const [channel, setChannel] = useState<Channel>(connection?.channel ?? (form.channels[0] as Channel));
  const [name, setName] = useState(connection?.name ?? '');
  const [sender, setSender] = useState(connection?.sender ?? '');
  const [values, setValues] = useState<FormValues>(initialValues(provider, connection?.settings));
  const [saved, setSaved] = useState<ChannelConnection | null>(null);
  const error = create.error ?? update.error;

  const chooseProvider = (next: ChannelProvider) => {
    setProvider(next);
    setChannel(PROVIDER_FORMS[next].channels[0] as Channel);
    setValues(initialValues(next));
  };
  const save = () => {
    const settings = toSettings(provider, values);
    if (connection) {
      update.mutate({ id: connection.id, body: { name, sender, settings } }, { onSuccess: setSaved });
    } else {
      const body = { provider, channel, name, sender, settings } as CreateChannelConnectionRequest;
      create.mutate(body, { onSuccess: setSaved });
    }
  };
  const rotate = () =>
    connection &&
    update.mutate({ id: connection.id, body: { rotateWebhookSecret: true } }, { onSuccess: setSaved });

  const title = saved ? `${saved.name} saved` : connection ? `Edit ${connection.name}` : 'Add a channel';
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      {saved ? (
        <SavedView saved={saved} onDone={onClose} />
      ) : (
        <Stack gap="md">
          <Group grow align="flex-start">
            <Select
              label="Provider"
              data={CHANNEL_PROVIDERS.map((p) => ({ value: p, label: PROVIDER_FORMS[p].label }))}
              value={provider}
              disabled={connection !== null}
              allowDeselect={false}
              onChange={(v) => v && chooseProvider(v as ChannelProvider)}
            />
            <Select
              label="Channel"
              data={form.channels.map((c) => ({ value: c, label: channelLabel(c) }))}
              value={channel}
              disabled={connection !== null || form.channels.length === 1}
              allowDeselect={false}
              onChange={(v) => v && setChannel(v as Channel)}
            />
          </Group>
          <TextInput
            label="Name"
            placeholder="Support line"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={form.senderLabel}
            description={form.senderDescription}
            value={sender}
            onChange={(e) => setSender(e.currentTarget.value)}
          />
          <SettingsFields
            fields={form.fields}
            values={values}
            secrets={connection?.secrets}
            onChange={(key, value) => setValues((old) => ({ ...old, [key]: value }))}
          />
          {error && (
            <Alert color="red" title="Not saved">
              {error.message}
            </Alert>
          )}
          {connection?.webhook && (
            <>
              <Divider label="Webhook" labelPosition="left" />
              <WebhookDetails webhook={connection.webhook} />
              <Group>
                <Button
                  variant="light"
                  color="orange"
                  leftSection={<IconRefresh size={16} />}
                  onClick={rotate}
                  loading={update.isPending}
                >
                  Rotate secret
                </Button>
              </Group>
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={save} loading={create.isPending || update.isPending}>
              {connection ? 'Save' : 'Add channel'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
