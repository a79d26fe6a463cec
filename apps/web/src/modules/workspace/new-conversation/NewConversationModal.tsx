import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type ChannelSender,
  CONNECTION_CHANNELS,
  type ConnectionChannel,
  type Customer,
  isCustomerInitiated,
  LIMITS,
} from '@parley/contracts';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import {
  type FilledTemplateChoice,
  WhatsAppTemplateForm,
} from '../../whatsapp-templates/WhatsAppTemplateForm.tsx';
import { ChannelIcon, channelLabel } from '../channel-icon.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import { NewConversationError } from './NewConversationError.tsx';
import { useChannelSenders, useCreateConversation } from './new-conversation-api.ts';
import {
  characterCount,
  EMPTY_FORM,
  NewConversationForm,
  type NewConversationFormInput,
  type NewConversationFormValues,
  startsWithTemplate,
  toCreateRequest,
} from './new-conversation-form.ts';

/** What the customer's address looks like on each channel. */
const ADDRESS_HINTS: Record<ConnectionChannel, string> = {
  SMS: 'Number with country code, e.g. 447700900123',
  WHATSAPP: 'Number with country code, e.g. 447700900123',
  VIBER: 'Number with country code, e.g. 447700900123',
  FACEBOOK_MESSENGER: 'Messenger user id (PSID)',
  TELEGRAM: 'Telegram chat id (the customer must have written to the bot first)',
  EMAIL: 'E-mail address, e.g. ana@example.com',
  LIVE_CHAT: 'Visitor id (visitors start live chats themselves)',
  RCS: 'Number with country code, e.g. 447700900123',
  INSTAGRAM_MESSAGING: 'Instagram-scoped user id',
  APPLE_BUSINESS_CHAT: 'Opaque id, urn:mbid:…',
  LINE: 'LINE user id, e.g. U4af4980629…',
};

/** "+" (D5): choose or create a customer, a channel and sender, a destination, and write the first message. */
export function NewConversationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const senderList = useChannelSenders(opened);
  const create = useCreateConversation();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const form = useForm<NewConversationFormInput, unknown, NewConversationFormValues>({
    resolver: zodResolver(NewConversationForm),
    defaultValues: EMPTY_FORM,
  });
  const { errors } = form.formState;
  const [mode, channel, text, ourAddress] = form.watch(['customerMode', 'channel', 'text', 'ourAddress']);
  const allSenders = senderList.data?.items ?? [];
  const sendersOn = (on: ConnectionChannel): ChannelSender[] => allSenders.filter((s) => s.channel === on);
  // D7: Instagram and Apple Messages for Business only let the customer start a conversation.
  const startable = (on: ConnectionChannel) => sendersOn(on).length > 0 && !isCustomerInitiated(on);
  const channelOption = (on: ConnectionChannel) => {
    const why = isCustomerInitiated(on)
      ? 'customers start'
      : sendersOn(on).length === 0
        ? 'not connected'
        : null;
    return {
      value: on,
      label: why ? `${channelLabel(on)} (${why})` : channelLabel(on),
      disabled: why !== null,
    };
  };
  const noChannel = senderList.isSuccess && allSenders.length === 0;

  const addressesOn = (c: Customer | null, on: ConnectionChannel) =>
    (c?.destinations ?? []).filter((d) => d.channel === on).map((d) => d.address);
  const setValue = (name: keyof NewConversationFormInput, value: string) =>
    form.setValue(name, value as never, { shouldValidate: form.formState.isSubmitted });

  const chooseChannel = (next: ConnectionChannel, who: Customer | null = customer) => {
    setValue('channel', next);
    // One sender on the channel is the only choice; with several the agent picks.
    const senders = sendersOn(next);
    setValue('ourAddress', senders.length === 1 ? (senders[0]?.sender ?? '') : '');
    if (form.getValues('customerMode') === 'existing')
      setValue('customerAddress', addressesOn(who, next)[0] ?? '');
  };
  const chooseCustomer = (next: Customer | null) => {
    setCustomer(next);
    setValue('customerId', next?.id ?? '');
    // Prefer a connected channel the customer can be reached on.
    const sendable = CONNECTION_CHANNELS.filter(startable);
    const reachable = sendable.find((c) => addressesOn(next, c).length > 0);
    const keep = addressesOn(next, channel).length > 0 || !reachable;
    chooseChannel(keep ? channel : reachable, next);
  };

  // Once the senders are known, start on a channel that has one. chooseChannel reads the latest
  // state itself; rerunning on its identity (new each render) would loop.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per sender list, see above
  useEffect(() => {
    if (!senderList.data) return;
    const current = form.getValues('channel');
    const first = senderList.data.items.find((s) => !isCustomerInitiated(s.channel))?.channel;
    if (first && !startable(current)) chooseChannel(first);
    else if (!form.getValues('ourAddress')) chooseChannel(current);
  }, [senderList.data]);

  const close = () => {
    form.reset(EMPTY_FORM);
    setCustomer(null);
    create.reset();
    onClose();
  };
  const open = (conversationId: string) => {
    close();
    void navigate(`/my-work/${conversationId}`);
  };
  const submit = form.handleSubmit((values) =>
    create.mutate(toCreateRequest(values), {
      onSuccess: (conversation) => open(conversation.id),
    }),
  );
  // D7: on WhatsApp the template form's own button starts the conversation with the template.
  const startWithTemplate = ({ template, parameters }: FilledTemplateChoice) =>
    form.handleSubmit((values) =>
      create.mutate(toCreateRequest(values, { id: template.id, parameters }), {
        onSuccess: (conversation) => open(conversation.id),
      }),
    )();
  // Only once the channel has a sender: without one nothing can be sent anyway (and the alert says so).
  const templateOnly = startsWithTemplate(channel) && sendersOn(channel).length > 0;

  return (
    <Modal opened={opened} onClose={close} title="New conversation" size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="new-conversation-form">
        <Stack gap="md">
          <SegmentedControl
            value={mode}
            onChange={(value) => setValue('customerMode', value)}
            data={[
              { value: 'existing', label: 'Existing customer' },
              { value: 'new', label: 'New customer' },
            ]}
            aria-label="Customer"
          />
          {mode === 'existing' ? (
            <CustomerPicker value={customer} onChange={chooseCustomer} error={errors.customerId?.message} />
          ) : (
            <TextInput
              label="Customer name"
              data-autofocus
              error={errors.newCustomerName?.message}
              {...form.register('newCustomerName')}
            />
          )}
          <Group grow align="flex-start">
            <Select
              label="Channel"
              data={CONNECTION_CHANNELS.map(channelOption)}
              value={channel}
              onChange={(value) => value && chooseChannel(value as ConnectionChannel)}
              allowDeselect={false}
              leftSection={<ChannelIcon channel={channel} />}
              renderOption={({ option }) => (
                <Group gap="xs" wrap="nowrap">
                  <ChannelIcon channel={option.value as ConnectionChannel} />
                  {option.label}
                </Group>
              )}
              comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
            />
            <Controller
              control={form.control}
              name="customerAddress"
              render={({ field }) => (
                <Autocomplete
                  label="To"
                  placeholder={ADDRESS_HINTS[channel]}
                  data={mode === 'existing' ? addressesOn(customer, channel) : []}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.customerAddress?.message}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
          </Group>
          <Controller
            control={form.control}
            name="ourAddress"
            render={({ field }) => (
              <Select
                label="From"
                description="Our number or sender the customer sees and replies to"
                placeholder={
                  sendersOn(channel).length
                    ? 'Choose a sender'
                    : `No ${channelLabel(channel)} sender connected`
                }
                data={sendersOn(channel).map((s) => ({ value: s.sender, label: `${s.name} · ${s.sender}` }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.ourAddress?.message}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <TextInput
            label="Topic"
            placeholder={`Talking with ${mode === 'existing' ? (customer?.name ?? 'the customer') : 'the customer'}`}
            description="Optional; shown as the conversation's name"
            error={errors.topic?.message}
            {...form.register('topic')}
          />
          {templateOnly ? (
            <Stack gap={4} data-testid="first-template">
              <Text size="sm" fw={500}>
                First message
              </Text>
              <Text size="xs" c="dimmed">
                WhatsApp lets a business start a conversation only with an approved template.
              </Text>
              <div style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
                <WhatsAppTemplateForm
                  sender={ourAddress || null}
                  onSend={startWithTemplate}
                  disabled={create.isPending || noChannel}
                />
              </div>
            </Stack>
          ) : (
            <>
              <Textarea
                label="First message"
                rows={5}
                resize="vertical"
                error={errors.text?.message}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
                }}
                {...form.register('text')}
              />
              <Text
                size="xs"
                c={characterCount(text) > LIMITS.messageText ? 'red' : 'dimmed'}
                ta="right"
                mt={-10}
              >
                {characterCount(text)} / {LIMITS.messageText}
              </Text>
            </>
          )}
          {noChannel && (
            <Alert color="yellow" variant="light" title="No channel is connected" data-testid="no-sender">
              Parley can only start a conversation on a channel an admin has connected and enabled.
            </Alert>
          )}
          {create.error && <NewConversationError error={create.error} onOpen={open} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {!templateOnly && (
              <Button type="submit" loading={create.isPending} disabled={noChannel}>
                Start conversation
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
