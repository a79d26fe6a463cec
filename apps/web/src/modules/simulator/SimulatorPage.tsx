import { Alert, Anchor, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { SimulatorConnection, SimulatorWidget } from '@parley/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CustomerDevice } from './CustomerDevice.tsx';
import { suggestAddress } from './new-address.ts';
import { useSimulatorConnections } from './simulator-api.ts';

const NEW_CUSTOMER = '__new__';

function connectionLabel(c: SimulatorConnection): string {
  return `${c.name} · ${c.sender}`;
}

function RealProviderWarning({ connection }: { connection: SimulatorConnection }) {
  if (connection.sandbox) return null;
  return (
    <Alert color="orange" icon={<IconInfoCircle size={16} />} data-testid="real-provider-warning">
      Replies on this connection go out through the real provider to the address you play. Use an address that
      is yours or that nobody owns; if the provider cannot be reached the reply shows as not delivered, with
      the reason.
    </Alert>
  );
}

/** Live chat is played with the widget itself, on its demo page (docs/simulator.md#live-chat). */
function WidgetLinks({ widgets }: { widgets: SimulatorWidget[] }) {
  if (widgets.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text fz="sm" fw={500}>
        Live chat
      </Text>
      <Text fz="xs" c="dimmed">
        Chat as a visitor in the widget itself, on a page that embeds it:
      </Text>
      {widgets.map((w) => (
        <Anchor key={w.id} href={`/widget-demo/${encodeURIComponent(w.widgetId)}`} target="_blank" fz="sm">
          {w.name} — open the demo page
        </Anchor>
      ))}
    </Stack>
  );
}

/**
 * Settings → Simulator (supervisors): play a customer on a configured connection. Their
 * messages enter through the connection's real inbound path; the desk's replies show with ticks.
 */
export function SimulatorPage() {
  const connections = useSimulatorConnections();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [customer, setCustomer] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const items = connections.data?.items ?? [];
  const connection = items.find((c) => c.id === connectionId) ?? null;

  const chooseConnection = (id: string | null) => {
    setConnectionId(id);
    setCustomer(null);
    setAddress('');
    setName('');
  };
  const chooseCustomer = (value: string | null) => {
    setCustomer(value);
    const known = connection?.customers.find((c) => c.address === value);
    setAddress(value === NEW_CUSTOMER && connection ? suggestAddress(connection) : (known?.address ?? ''));
    setName(known?.name ?? '');
  };

  return (
    <Stack gap="xl">
      <PageHeader
        title="Customer simulator"
        description="Play a customer on one of your channels: what you write arrives like a real customer message, and agents' replies show here."
      />
      {connections.isLoading && <Loader />}
      {connections.error && <Alert color="red">{connections.error.message}</Alert>}
      {connections.data && items.length === 0 && (
        <Alert color="gray" icon={<IconInfoCircle size={16} />}>
          No enabled SMS, WhatsApp, Viber, Messenger, Telegram or e-mail connection. Add one under Settings →
          Channels (or load the demo). Live chat is played with the widget itself.
          <WidgetLinks widgets={connections.data.widgets} />
        </Alert>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder radius="md" p="md" style={{ alignSelf: 'start' }}>
            <Stack gap="sm">
              <Select
                label="Channel connection"
                data-testid="simulator-connection"
                placeholder="Choose a connection"
                data={items.map((c) => ({ value: c.id, label: connectionLabel(c) }))}
                value={connectionId}
                onChange={chooseConnection}
                allowDeselect={false}
                searchable
              />
              {connection && (
                <Select
                  label="Customer"
                  data-testid="simulator-customer"
                  placeholder="A known customer or a new one"
                  data={[
                    { value: NEW_CUSTOMER, label: 'New customer…' },
                    ...connection.customers.map((c) => ({
                      value: c.address,
                      label: c.name ? `${c.name} · ${c.address}` : c.address,
                    })),
                  ]}
                  value={customer}
                  onChange={chooseCustomer}
                  allowDeselect={false}
                  searchable
                />
              )}
              {customer === NEW_CUSTOMER && (
                <>
                  <TextInput
                    label="Address"
                    description={
                      connection?.provider === 'telegram' ? 'Telegram chat id (a number)' : undefined
                    }
                    value={address}
                    onChange={(e) => setAddress(e.currentTarget.value)}
                  />
                  <TextInput
                    label="Name"
                    description={
                      connection?.provider === 'infobip'
                        ? 'Infobip messages carry no name: agents see the number'
                        : 'Sent as the Telegram chat name or e-mail From name'
                    }
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                  />
                </>
              )}
              {connection && <RealProviderWarning connection={connection} />}
              <WidgetLinks widgets={connections.data?.widgets ?? []} />
            </Stack>
          </Paper>
          {connection && address.trim() !== '' ? (
            <CustomerDevice
              key={`${connection.id}/${address}`}
              connection={connection}
              address={address}
              name={name}
            />
          ) : (
            <Paper withBorder radius="md" p="xl">
              <Text c="dimmed" ta="center">
                Choose a connection and a customer to start.
              </Text>
            </Paper>
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
