import { Alert, Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { Conversation } from '@parley/contracts';
import { useState } from 'react';
import { CustomerPicker } from './CustomerPicker.tsx';
import { useCreateCustomer, useSetConversationCustomer } from './customers-api.ts';

/**
 * Links the conversation to an existing customer found by search, or to a new profile named here.
 * The conversation's address joins the profile when no other profile holds it (docs/customers.md).
 */
export function LinkCustomerModal({
  conversation,
  opened,
  onClose,
}: {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}) {
  const link = useSetConversationCustomer(conversation.id);
  const create = useCreateCustomer();
  const [name, setName] = useState('');
  const close = () => {
    link.reset();
    create.reset();
    setName('');
    onClose();
  };
  const linkTo = (customerId: string) => link.mutate(customerId, { onSuccess: close });
  const error = link.error ?? create.error;
  return (
    <Modal opened={opened} onClose={close} title="Link to a customer" size="md" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {conversation.customer.address
            ? `Messages from ${conversation.customer.address} will be recognised as the customer you pick.`
            : 'Pick the customer this conversation belongs to.'}
        </Text>
        <CustomerPicker
          onPick={(c) => linkTo(c.id)}
          exclude={conversation.customer.id}
          disabled={link.isPending}
        />
        <Divider label="or create a new customer" labelPosition="center" />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Name"
            placeholder="Full name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="light"
            disabled={name.trim() === ''}
            loading={create.isPending || link.isPending}
            onClick={() => create.mutate({ name: name.trim() }, { onSuccess: (c) => linkTo(c.id) })}
          >
            Create and link
          </Button>
        </Group>
        {error && (
          <Alert color="red" variant="light">
            {error.message}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
