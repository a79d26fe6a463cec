import { Alert, Button, Group, Paper, ScrollArea, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { SimulatorConnection, SimulatorMessage } from '@parley/contracts';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { DeliveryTicks } from '../workspace/conversation/DeliveryTicks.tsx';
import { formatDateTime } from '../workspace/conversation/time-format.ts';
import classes from './CustomerDevice.module.css';
import { useSimulateMessage, useSimulatorTranscript } from './simulator-api.ts';

function Bubble({ message }: { message: SimulatorMessage }) {
  const mine = message.direction === 'INBOUND';
  return (
    <div
      className={mine ? classes.mine : classes.theirs}
      data-testid="simulator-message"
      data-direction={message.direction}
      data-state={message.deliveryState}
    >
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.text}
      </Text>
      <Group gap={4} justify="flex-end" mt={2}>
        <Text fz={11} c="dimmed">
          {formatDateTime(message.createdAt)}
        </Text>
        {!mine && <DeliveryTicks state={message.deliveryState} />}
      </Group>
      {message.failureReason && (
        <Text fz="xs" c="red.7" data-testid="simulator-failure">
          Not delivered: {message.failureReason}
        </Text>
      )}
    </div>
  );
}

/** The played customer's device: what they wrote, the desk's replies with ticks, and a composer. */
export function CustomerDevice({
  connection,
  address,
  name,
}: {
  connection: SimulatorConnection;
  address: string;
  name: string;
}) {
  const transcript = useSimulatorTranscript(connection.id, address);
  const simulate = useSimulateMessage();
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const items = transcript.data?.items ?? [];
  const isEmail = connection.provider === 'email';
  const bottom = useRef<HTMLDivElement>(null);
  const count = items.length;
  useEffect(() => {
    if (count > 0) bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  const send = () => {
    if (text.trim() === '') return;
    simulate.mutate(
      {
        connectionId: connection.id,
        customerAddress: address,
        text,
        ...(name.trim() && { customerName: name.trim() }),
        ...(isEmail && subject.trim() && { subject: subject.trim() }),
      },
      { onSuccess: () => setText('') },
    );
  };

  return (
    <Paper withBorder radius="lg" p="md" className={classes.device} data-testid="customer-device">
      <Stack gap="sm" h="100%">
        <div>
          <Text fw={600}>{name.trim() || address}</Text>
          <Text fz="xs" c="dimmed">
            {address} → {connection.sender}
          </Text>
        </div>
        <ScrollArea className={classes.scroll} type="auto">
          <Stack gap="xs" p={4}>
            {items.length === 0 && (
              <Text c="dimmed" fz="sm" ta="center" mt="lg">
                Nothing yet. Write as the customer: the message reaches the desk like a real one.
              </Text>
            )}
            {items.map((m) => (
              <Bubble key={m.id} message={m} />
            ))}
            <div ref={bottom} />
          </Stack>
        </ScrollArea>
        {transcript.error && <Alert color="red">{transcript.error.message}</Alert>}
        {simulate.error && <Alert color="red">{simulate.error.message}</Alert>}
        {isEmail && (
          <TextInput
            label="Subject"
            placeholder={items.length > 0 ? 'Re: our conversation' : 'Question'}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
        )}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Textarea
            aria-label="Customer message"
            placeholder="Write as the customer…"
            autosize
            minRows={1}
            maxRows={5}
            style={{ flex: 1 }}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
          />
          <Button leftSection={<IconSend size={16} />} onClick={send} loading={simulate.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
