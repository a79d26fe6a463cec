import { Button, Menu, Tooltip } from '@mantine/core';
import { CONVERSATION_STATUSES, type ConversationStatus, PRIORITIES, type Priority } from '@parley/contracts';
import { IconCheck, IconChevronDown, IconPointFilled } from '@tabler/icons-react';
import { PRIORITY_LOOKS, STATUS_LOOKS } from './conversation-looks.ts';

interface ChoiceMenuProps<T extends string> {
  value: T;
  values: readonly T[];
  looks: Record<T, { label: string; color: string }>;
  /** Test id prefix: `<name>-menu` on the button, `<name>-option-<VALUE>` on the items. */
  name: string;
  /** What the button's text shows: the value itself (status) or its label (priority). */
  buttonText: (value: T) => string;
  ariaLabel: string;
  disabledReason: string | null;
  onChoose: (value: T) => void;
}

/** A coloured button opening the list of values, the current one ticked. */
function ChoiceMenu<T extends string>(props: ChoiceMenuProps<T>) {
  const { value, looks, name, disabledReason } = props;
  const button = (
    <Button
      size="xs"
      variant="light"
      color={looks[value].color}
      rightSection={<IconChevronDown size={14} />}
      disabled={!!disabledReason}
      aria-label={`${props.ariaLabel}: ${looks[value].label}`}
      data-testid={`${name}-menu`}
    >
      {props.buttonText(value)}
    </Button>
  );
  if (disabledReason) {
    return (
      <Tooltip label={disabledReason} withArrow>
        <span>{button}</span>
      </Tooltip>
    );
  }
  return (
    <Menu position="bottom-end" width={180} withinPortal>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{props.ariaLabel}</Menu.Label>
        {props.values.map((v) => (
          <Menu.Item
            key={v}
            data-testid={`${name}-option-${v}`}
            leftSection={<IconPointFilled size={16} color={`var(--mantine-color-${looks[v].color}-6)`} />}
            rightSection={v === value ? <IconCheck size={14} /> : null}
            onClick={() => v !== value && props.onChoose(v)}
          >
            {looks[v].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** D2 status: OPEN, WAITING, SOLVED or CLOSED (final; the view asks before closing). */
export function StatusMenu(props: {
  status: ConversationStatus;
  disabledReason: string | null;
  onChoose: (status: ConversationStatus) => void;
}) {
  return (
    <ChoiceMenu
      value={props.status}
      values={CONVERSATION_STATUSES}
      looks={STATUS_LOOKS}
      name="status"
      buttonText={(v) => v}
      ariaLabel="Status"
      disabledReason={props.disabledReason}
      onChoose={props.onChoose}
    />
  );
}

/** D2 priority: LOW, NORMAL, HIGH, URGENT. */
export function PriorityMenu(props: {
  priority: Priority;
  disabledReason: string | null;
  onChoose: (priority: Priority) => void;
}) {
  return (
    <ChoiceMenu
      value={props.priority}
      values={PRIORITIES}
      looks={PRIORITY_LOOKS}
      name="priority"
      buttonText={(v) => PRIORITY_LOOKS[v].label}
      ariaLabel="Priority"
      disabledReason={props.disabledReason}
      onChoose={props.onChoose}
    />
  );
}
