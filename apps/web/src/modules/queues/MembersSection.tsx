import { Button, Group, MultiSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import { LIMITS, type Queue } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { useAgentCapacities, useSetAgentCapacity, useSetQueueMembers } from './queues-api.ts';

/** A member's capacity: empty = the default; saved when the field is left. */
function CapacityInput({ userId, override }: { userId: string; override: number | null }) {
  const setCapacity = useSetAgentCapacity();
  const [value, setValue] = useState<number | string>(override ?? '');
  useEffect(() => setValue(override ?? ''), [override]);
  const commit = () => {
    const next = typeof value === 'number' ? value : null;
    if (next !== override) setCapacity.mutate({ userId, capacity: next });
  };
  return (
    <NumberInput
      size="xs"
      w={110}
      min={0}
      max={100}
      placeholder={`Default (${LIMITS.agentCapacity})`}
      aria-label="Capacity override"
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** The queue's agents, and each one's capacity (an agent's capacity counts across all their queues). */
export function MembersSection({ queue }: { queue: Queue }) {
  const agents = useAgentCapacities();
  const setMembers = useSetQueueMembers();
  const [memberIds, setMemberIds] = useState(queue.memberIds);
  useEffect(() => setMemberIds(queue.memberIds), [queue.memberIds]);
  const dirty = [...memberIds].sort().join() !== [...queue.memberIds].sort().join();
  const byId = new Map((agents.data?.items ?? []).map((a) => [a.userId, a]));

  return (
    <Stack gap="sm" data-testid="queue-members">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <MultiSelect
          label="Members"
          placeholder={memberIds.length ? undefined : 'Choose agents'}
          flex={1}
          data={(agents.data?.items ?? []).map((a) => ({ value: a.userId, label: a.displayName }))}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          data-testid="queue-members-select"
        />
        <Button
          disabled={!dirty}
          loading={setMembers.isPending}
          onClick={() => setMembers.mutate({ id: queue.id, userIds: memberIds })}
          data-testid="queue-members-save"
        >
          Save members
        </Button>
      </Group>
      {queue.memberIds.length > 0 && (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Agent</Table.Th>
              <Table.Th w={140}>Capacity</Table.Th>
              <Table.Th w={160}>Override</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.memberIds.map((id) => {
              const agent = byId.get(id);
              return (
                <Table.Tr key={id} data-testid="queue-member-row">
                  <Table.Td>{agent?.displayName ?? '…'}</Table.Td>
                  <Table.Td>
                    <Text fz="sm">{agent ? `${agent.capacity} conversations` : ''}</Text>
                  </Table.Td>
                  <Table.Td>{agent && <CapacityInput userId={id} override={agent.override} />}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
