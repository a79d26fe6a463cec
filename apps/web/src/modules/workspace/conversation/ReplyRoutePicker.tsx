import { Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import type { ReplyRoute, ReplyRouteOption } from '@parley/contracts';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { ChannelIcon, channelLabel } from '../channel-icon.tsx';
import { sameRoute } from './omnichannel-api.ts';

interface ReplyRoutePickerProps {
  options: readonly ReplyRouteOption[];
  /** The route the next reply takes; null while none is known or none is free. */
  current: ReplyRouteOption | null;
  onChoose: (route: ReplyRoute) => void;
  disabled?: boolean;
}

function RouteLine({ route }: { route: ReplyRouteOption }) {
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <ChannelIcon channel={route.channel} size={14} />
      <Text size="xs" fw={600} style={{ flexShrink: 0 }}>
        {channelLabel(route.channel)}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        to {route.customerAddress} · from {route.connectionName}
      </Text>
    </Group>
  );
}

/**
 * D2 "change channel": which channel, customer address and sender the reply goes out on, and the
 * others the customer can be reached on. A route another open conversation holds is shown but not
 * offered (that conversation is merged in first).
 */
export function ReplyRoutePicker({ options, current, onChoose, disabled }: ReplyRoutePickerProps) {
  if (!current) {
    return options.length === 0 ? null : (
      <Text size="xs" c="dimmed" mb={6} data-testid="reply-route">
        Every channel of this customer is used by another open conversation: merge it to reply here.
      </Text>
    );
  }
  const label = (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        Reply via
      </Text>
      <RouteLine route={current} />
    </Group>
  );
  if (options.length < 2) {
    return (
      <Group mb={6} data-testid="reply-route" data-channel={current.channel}>
        {label}
      </Group>
    );
  }
  return (
    <Menu position="top-start" withinPortal shadow="md" disabled={disabled}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          mb={6}
          px={4}
          rightSection={<IconChevronDown size={12} />}
          disabled={disabled}
          styles={{ label: { minWidth: 0 } }}
          aria-label={`Reply via ${channelLabel(current.channel)} to ${current.customerAddress}: change channel`}
          data-testid="reply-route"
          data-channel={current.channel}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={420}>
        <Menu.Label>Change channel</Menu.Label>
        {options.map((o) => (
          <Menu.Item
            key={`${o.channel}:${o.ourAddress}:${o.customerAddress}`}
            disabled={o.heldBy !== null}
            onClick={() => onChoose(o)}
            leftSection={
              sameRoute(o, current) ? (
                <IconCheck size={14} />
              ) : (
                <span style={{ width: 14, display: 'inline-block' }} />
              )
            }
            rightSection={
              o.heldBy ? (
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {o.heldBy.number !== null
                    ? `in #${o.heldBy.number}: merge first`
                    : 'in another conversation'}
                </Badge>
              ) : o.isDefault ? (
                <Tooltip label="Where the customer wrote last" withArrow>
                  <Badge size="xs" variant="light" tt="none">
                    default
                  </Badge>
                </Tooltip>
              ) : null
            }
            data-testid="reply-route-option"
            data-channel={o.channel}
          >
            <RouteLine route={o} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
