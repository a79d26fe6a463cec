import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import type { Conversation, ConversationStatus, Priority } from '@parley/contracts';
import { IconLayoutSidebarRight, IconStack2 } from '@tabler/icons-react';
import type { Ref } from 'react';
import { ChannelIcon, channelLabel } from '../channel-icon.tsx';
import { AssigneeSelect, type AssigneeSelectHandle } from './AssigneeSelect.tsx';
import type { AssignmentChoices } from './assignment-choices.ts';
import { PriorityMenu, StatusMenu } from './ChoiceMenus.tsx';
import classes from './ConversationView.module.css';
import { TopicEditor } from './TopicEditor.tsx';

/** D2: one channel shows its icon; several make the conversation omnichannel, with its own mark. */
function Channels({ channels }: { channels: Conversation['channels'] }) {
  if (channels.length <= 1) {
    return channels[0] ? <ChannelIcon channel={channels[0]} size={20} /> : null;
  }
  return (
    <Tooltip label={`Omnichannel: ${channels.map(channelLabel).join(', ')}`} withArrow>
      <Badge
        variant="light"
        color="grape"
        size="lg"
        radius="sm"
        leftSection={<IconStack2 size={14} />}
        aria-label="Omnichannel conversation"
        data-testid="omnichannel-badge"
      >
        <Group gap={3} wrap="nowrap">
          {channels.map((c) => (
            <ChannelIcon key={c} channel={c} size={13} />
          ))}
        </Group>
      </Badge>
    </Tooltip>
  );
}

export interface HeaderProps {
  conversation: Conversation;
  editBlock: string | null;
  assignment: AssignmentChoices;
  assigneeRef: Ref<AssigneeSelectHandle>;
  onTopic: (topic: string) => void;
  onStatus: (status: ConversationStatus) => void;
  onPriority: (priority: Priority) => void;
  onAssign: (userId: string | null) => void;
  onAssignToMe: () => void;
  /** Shown when the details panel is folded away (narrow layouts). */
  onToggleDetails: () => void;
}

/** Topic, number, channel(s), customer, and the status / priority / assignee controls. */
export function ConversationHeader(props: HeaderProps) {
  const { conversation: c, editBlock } = props;
  const customer = c.customer.name ?? c.customer.address ?? 'Unknown customer';
  return (
    <header className={classes.header}>
      <div className={classes.headerIcon}>
        <Channels channels={c.channels} />
      </div>
      <div className={classes.headerTopic}>
        <TopicEditor topic={c.topic} disabledReason={editBlock} onSave={props.onTopic} />
      </div>
      <Text size="xs" c="dimmed" truncate className={classes.headerMeta}>
        <span data-testid="conversation-number">#{c.number}</span>
        {' · '}
        {customer}
        {c.customer.name && c.customer.address ? ` · ${c.customer.address}` : ''}
        {c.queue ? ` · ${c.queue.name}` : ''}
      </Text>
      <Group gap={8} wrap="nowrap" className={classes.controls}>
        <StatusMenu status={c.status} disabledReason={editBlock} onChoose={props.onStatus} />
        <PriorityMenu priority={c.priority} disabledReason={editBlock} onChoose={props.onPriority} />
        <AssigneeSelect
          ref={props.assigneeRef}
          assignee={c.assignee}
          choices={props.assignment}
          closedReason={editBlock}
          onAssign={props.onAssign}
          onAssignToMe={props.onAssignToMe}
        />
        <Tooltip label="Details" withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            className={classes.detailsToggle}
            onClick={props.onToggleDetails}
            aria-label="Show details"
          >
            <IconLayoutSidebarRight size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </header>
  );
}
