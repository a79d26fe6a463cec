import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { Channel, Customer, SimulateRoutingResult } from '@parley/contracts';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { customerDisplayName } from '../customers/customer-format.ts';
import { CHANNEL_OPTIONS } from './field-options.ts';
import { useSimulateRouting } from './routing-api.ts';
import type { RoutingChoices } from './use-routing-choices.ts';

function ResultView({ result, choices }: { result: SimulateRoutingResult; choices: RoutingChoices }) {
  const { decision } = result;
  const matched = result.rules.find((r) => r.outcome === 'MATCHED');
  return (
    <Stack gap={6} data-testid="simulate-result">
      <Text fz="sm" data-testid="simulate-matched-rule">
        {matched ? (
          <>
            Rule {matched.order} <b>{matched.name}</b> matches.
          </>
        ) : (
          'No rule matches: the conversation goes to the Default queue.'
        )}
      </Text>
      <Group gap={6}>
        <Text fz="sm">Queue</Text>
        <Text fz="sm" fw={600} data-testid="simulate-queue">
          {decision.queueName}
        </Text>
      </Group>
      <Group gap={6}>
        <Text fz="sm">Priority</Text>
        <Badge size="sm" variant="light" data-testid="simulate-priority">
          {decision.priority}
        </Badge>
      </Group>
      {decision.tagIds.length > 0 && (
        <Group gap={6} data-testid="simulate-tags">
          <Text fz="sm">Tags</Text>
          {decision.tagIds.map((id) => (
            <Badge key={id} size="sm" variant="outline" color="gray">
              {choices.tagName(id)}
            </Badge>
          ))}
        </Group>
      )}
      {decision.botId && (
        <Text fz="sm">
          First to bot <b>{choices.botName(decision.botId)}</b>
        </Text>
      )}
    </Stack>
  );
}

/** Tries the saved rules on a sample first message and shows where it would go. */
export function SimulatePanel({
  choices,
  onResult,
}: {
  choices: RoutingChoices;
  onResult: (result: SimulateRoutingResult | null) => void;
}) {
  const simulate = useSimulateRouting();
  const [channel, setChannel] = useState<Channel>('WHATSAPP');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [picking, setPicking] = useState(false);

  const run = () =>
    simulate.mutate(
      { channel, from, to, text, ...(customer ? { customerId: customer.id } : {}) },
      { onSuccess: onResult, onError: () => onResult(null) },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="simulate-panel">
      <Stack gap="sm">
        <Title order={2} fz="h5">
          Simulate
        </Title>
        <Text fz="xs" c="dimmed">
          Where would a new conversation starting with this message go?
        </Text>
        <Select
          label="Channel"
          data={CHANNEL_OPTIONS}
          value={channel}
          onChange={(v) => v && setChannel(v as Channel)}
          allowDeselect={false}
        />
        <Group grow gap="xs">
          <TextInput
            label="Sender"
            placeholder="+385…"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput label="Destination" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
        <Textarea
          label="Message text"
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="simulate-text"
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            Customer
          </Text>
          {customer && (
            <Group justify="space-between" wrap="nowrap">
              <Text fz="sm" truncate="end">
                {customerDisplayName(customer)}
              </Text>
              <CloseButton aria-label="Clear customer" onClick={() => setCustomer(null)} />
            </Group>
          )}
          {!customer && picking && (
            <CustomerPicker
              onPick={(c) => {
                setCustomer(c);
                setPicking(false);
              }}
            />
          )}
          {!customer && !picking && (
            <Button variant="default" size="xs" w="fit-content" onClick={() => setPicking(true)}>
              Choose a customer
            </Button>
          )}
        </Stack>
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={simulate.isPending}>
          Simulate
        </Button>
        {simulate.error && (
          <Alert color="red" p="xs">
            {simulate.error.message}
          </Alert>
        )}
        {simulate.data && !simulate.isPending && <ResultView result={simulate.data} choices={choices} />}
      </Stack>
    </Paper>
  );
}
