import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { Conversation, CustomerDetail } from '@parley/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';

/**
 * The customer card of the conversation view's right panel (D6): who the customer is and their
 * other conversations. The conversation view mounts it with the open conversation.
 */
export function CustomerCard({ conversation }: { conversation: Conversation }) {
  const customerId = conversation.customer.id;
  const detail = useQuery({
    queryKey: ['customers', customerId],
    queryFn: () => api.get<CustomerDetail>(`/api/customers/${customerId}`),
    enabled: customerId !== null,
  });
  if (customerId === null) {
    return (
      <Stack gap={4} data-testid="customer-card">
        <Text fw={600}>Unknown customer</Text>
        <Text size="sm" c="dimmed">
          {conversation.customer.address ?? 'No address'}
        </Text>
      </Stack>
    );
  }
  const others = (detail.data?.conversations ?? []).filter((c) => c.id !== conversation.id);
  return (
    <Stack gap={6} data-testid="customer-card">
      <Text fw={600}>{conversation.customer.name ?? conversation.customer.address}</Text>
      {detail.data?.destinations.map((d) => (
        <Text key={`${d.channel}:${d.address}`} size="sm" c="dimmed">
          {d.channel} · {d.address}
        </Text>
      ))}
      <Text size="xs" tt="uppercase" c="dimmed" fw={600} mt="xs">
        Other conversations
      </Text>
      {others.length === 0 && (
        <Text size="sm" c="dimmed">
          None
        </Text>
      )}
      {others.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/conversations/${c.id}`} size="sm" truncate>
            #{c.number} {c.topic}
          </Anchor>
          <Badge size="xs" variant="light">
            {c.status}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
