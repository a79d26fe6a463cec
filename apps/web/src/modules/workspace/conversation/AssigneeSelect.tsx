import {
  Avatar,
  Button,
  Combobox,
  Group,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  useCombobox,
} from '@mantine/core';
import { IconChevronDown, IconUserCheck, IconUserMinus } from '@tabler/icons-react';
import { type Ref, useImperativeHandle, useState } from 'react';
import { AVAILABILITY_META } from '../../team/availability.ts';
import type { AssignmentChoice, AssignmentChoices } from './assignment-choices.ts';

export interface AssigneeSelectHandle {
  open: () => void;
}

const ME = '__me__';
const NOBODY = '__nobody__';

function ChoiceLine({ choice, current }: { choice: AssignmentChoice; current: boolean }) {
  const agent = choice.agent;
  const availability = agent ? AVAILABILITY_META[agent.availability] : null;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      {agent ? (
        <Avatar name={agent.displayName} color="initials" size={26} radius="xl" />
      ) : (
        <IconUserMinus size={20} style={{ margin: 3 }} aria-hidden />
      )}
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm" fw={current ? 600 : 400} truncate>
            {choice.label}
          </Text>
          {agent && availability && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              <span style={{ color: availability.dot }}>●</span> {availability.label} · {agent.load}/
              {agent.capacity}
            </Text>
          )}
        </Group>
        {choice.disabledReason && (
          <Text size="xs" c="dimmed" data-testid="assignee-option-reason">
            {choice.disabledReason}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/**
 * D3 assignee picker with search: "Assign to me", "Unassign" and every agent; choices the rules
 * forbid stay listed, disabled, with the reason.
 */
export function AssigneeSelect({
  assignee,
  choices,
  closedReason,
  onAssign,
  onAssignToMe,
  ref,
}: {
  assignee: { id: string; displayName: string } | null;
  choices: AssignmentChoices;
  closedReason: string | null;
  onAssign: (userId: string | null) => void;
  onAssignToMe: () => void;
  ref?: Ref<AssigneeSelectHandle>;
}) {
  const [search, setSearch] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch('');
    },
    onDropdownOpen: () => combobox.focusSearchInput(),
  });
  useImperativeHandle(ref, () => ({ open: () => !closedReason && combobox.openDropdown() }));

  const needle = search.trim().toLowerCase();
  const agents = choices.agents.filter((c) => c.label.toLowerCase().includes(needle));
  const option = (choice: AssignmentChoice, value: string, testId: string) => (
    <Combobox.Option
      key={value}
      value={value}
      disabled={!!choice.disabledReason}
      data-testid={testId}
      data-user-id={choice.userId ?? undefined}
      data-disabled={choice.disabledReason ? 'true' : undefined}
      title={choice.disabledReason ?? undefined}
    >
      <ChoiceLine choice={choice} current={choice.userId !== null && choice.userId === assignee?.id} />
    </Combobox.Option>
  );

  const button = (
    <Button
      size="xs"
      variant="default"
      leftSection={
        assignee ? (
          <Avatar name={assignee.displayName} color="initials" size={18} radius="xl" />
        ) : (
          <IconUserCheck size={14} />
        )
      }
      rightSection={<IconChevronDown size={14} />}
      onClick={() => combobox.toggleDropdown()}
      disabled={!!closedReason}
      aria-label={`Assignee: ${assignee?.displayName ?? 'Unassigned'}`}
      data-testid="assignee-select"
      maw={220}
    >
      <Text size="xs" fw={500} truncate>
        {assignee?.displayName ?? 'Unassigned'}
      </Text>
    </Button>
  );
  if (closedReason) {
    return (
      <Tooltip label={closedReason} withArrow>
        <span>{button}</span>
      </Tooltip>
    );
  }

  return (
    <Combobox
      store={combobox}
      width={340}
      position="bottom-end"
      withinPortal
      onOptionSubmit={(value) => {
        combobox.closeDropdown();
        if (value === ME) onAssignToMe();
        else onAssign(value === NOBODY ? null : value);
      }}
    >
      <Combobox.Target targetType="button">{button}</Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          placeholder="Search agents"
          aria-label="Search agents"
          data-testid="assignee-search"
        />
        <Combobox.Options>
          <ScrollArea.Autosize mah={320} type="scroll">
            {choices.assignToMe && !needle && option(choices.assignToMe, ME, 'assignee-assign-to-me')}
            {choices.unassign && !needle && option(choices.unassign, NOBODY, 'assignee-unassign')}
            <Combobox.Group label="Agents">
              {agents.map((choice) => option(choice, choice.userId as string, 'assignee-option'))}
              {agents.length === 0 && <Combobox.Empty>No agent matches “{search.trim()}”</Combobox.Empty>}
            </Combobox.Group>
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
