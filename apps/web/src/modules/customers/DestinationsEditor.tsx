import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { CHANNELS, type Channel } from '@parley/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { channelLabel } from '../workspace/channel-icon.tsx';

export interface DestinationDraft {
  channel: Channel;
  address: string;
}

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));

const PLACEHOLDERS: Record<Channel, string> = {
  SMS: '+385 91 123 4567',
  WHATSAPP: '+385 91 123 4567',
  VIBER: '+385 91 123 4567',
  FACEBOOK_MESSENGER: 'Messenger user id',
  TELEGRAM: 'Telegram chat id',
  EMAIL: 'name@example.com',
  LIVE_CHAT: 'Visitor id',
  RCS: '+385 91 123 4567',
  INSTAGRAM_MESSAGING: 'Instagram-scoped user id',
  APPLE_BUSINESS_CHAT: 'Opaque id, urn:mbid:…',
  LINE: 'LINE user id, U…',
};

/** The addresses of a profile: one row per channel and address, unique per channel across profiles. */
export function DestinationsEditor({
  value,
  onChange,
  errors,
}: {
  value: DestinationDraft[];
  onChange: (value: DestinationDraft[]) => void;
  /** Problems by row index. */
  errors?: Record<number, string>;
}) {
  const set = (i: number, patch: Partial<DestinationDraft>) =>
    onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Destinations
      </Text>
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          No addresses yet: messages from this customer would not be recognised.
        </Text>
      )}
      {value.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <Select
            data={CHANNEL_OPTIONS}
            value={d.channel}
            onChange={(c) => c && set(i, { channel: c as Channel })}
            allowDeselect={false}
            w={140}
            aria-label="Channel"
          />
          <TextInput
            value={d.address}
            onChange={(e) => set(i, { address: e.currentTarget.value })}
            placeholder={PLACEHOLDERS[d.channel]}
            error={errors?.[i]}
            style={{ flex: 1 }}
            aria-label="Address"
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label="Remove address"
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...value, { channel: 'SMS', address: '' }])}
        style={{ alignSelf: 'flex-start' }}
      >
        Add address
      </Button>
    </Stack>
  );
}
