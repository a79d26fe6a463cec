import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import type { Conversation, CustomerCardField, CustomerDetail } from '@parley/contracts';
import { IconChevronDown, IconChevronUp, IconExternalLink, IconLink, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/current-user.tsx';
import { ChannelIcon } from '../workspace/channel-icon.tsx';
import { customerDisplayName, fieldPatch, fieldValue } from './customer-format.ts';
import classes from './customers.module.css';
import {
  useCustomer,
  useCustomerCardConfig,
  useSetConversationCustomer,
  useUpdateCustomer,
} from './customers-api.ts';
import { EditableField } from './EditableField.tsx';
import { LinkCustomerModal } from './LinkCustomerModal.tsx';
import { OtherConversations } from './OtherConversations.tsx';

function CardFields({
  customer,
  fields,
}: {
  customer: CustomerDetail;
  fields: readonly CustomerCardField[];
}) {
  const me = useCurrentUser();
  const update = useUpdateCustomer(customer.id);
  const supervisor = me.roles.includes('supervisor');
  return (
    <Stack gap={2}>
      {fields.map((f) => {
        const editable = supervisor || f.agentEditable;
        return (
          <EditableField
            key={f.ref.kind === 'standard' ? f.ref.field : f.ref.attributeId}
            rule={{ name: f.label, type: f.type, options: f.options }}
            value={fieldValue(customer, f.ref, f.label)}
            editable={editable}
            lockedReason="View only: a supervisor set this on the customer card"
            onSave={(value) => update.mutateAsync(fieldPatch(f.ref, f.label, value))}
            rowProps={{
              'data-testid': 'card-attribute',
              'data-attribute': f.label,
              'data-editable': String(editable),
            }}
          />
        );
      })}
    </Stack>
  );
}

/**
 * The customer card of the conversation view's right panel (D6): who the customer is, the fields
 * the supervisors put on the card (basic ones at once, additional ones behind "See more", each
 * editable in place where allowed), the customer's other conversations, and linking the
 * conversation to the right customer.
 */
export function CustomerCard({ conversation }: { conversation: Conversation }) {
  const customerId = conversation.customer.id;
  const detail = useCustomer(customerId);
  const card = useCustomerCardConfig();
  const unlink = useSetConversationCustomer(conversation.id);
  const [linking, setLinking] = useState(false);
  const [more, setMore] = useState(false);
  const closed = conversation.status === 'CLOSED';
  const closedReason = 'The conversation is closed and can no longer be changed';

  const linkButton = (
    <Tooltip label={closedReason} disabled={!closed} withArrow>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconLink size={14} />}
        onClick={() => setLinking(true)}
        disabled={closed}
        data-testid="link-customer"
      >
        {customerId ? 'Change customer' : 'Link to customer'}
      </Button>
    </Tooltip>
  );
  const modal = (
    <LinkCustomerModal conversation={conversation} opened={linking} onClose={() => setLinking(false)} />
  );

  if (customerId === null) {
    return (
      <Stack gap={6} data-testid="customer-card">
        <Text fw={600}>Unknown customer</Text>
        <Text size="sm" c="dimmed">
          {conversation.customer.address ?? 'No address'}
        </Text>
        <Group gap={4}>{linkButton}</Group>
        {modal}
      </Stack>
    );
  }
  const customer = detail.data;
  const fields = card.data?.fields ?? [];
  const basic = fields.filter((f) => f.section === 'basic');
  const additional = fields.filter((f) => f.section === 'additional');
  return (
    <Stack gap={8} data-testid="customer-card">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} truncate="end">
          {customer
            ? customerDisplayName(customer)
            : (conversation.customer.name ?? conversation.customer.address)}
        </Text>
        <Anchor component={Link} to={`/customers/${customerId}`} size="xs" style={{ flexShrink: 0 }}>
          <Group gap={2} wrap="nowrap">
            Profile <IconExternalLink size={12} />
          </Group>
        </Anchor>
      </Group>
      {detail.isPending && <Loader size="sm" />}
      {detail.error && (
        <Alert color="red" variant="light" p="xs">
          {detail.error.message}
        </Alert>
      )}
      {customer && (
        <>
          <Stack gap={2}>
            {customer.destinations.map((d) => (
              <Group key={`${d.channel}:${d.address}`} gap={6} wrap="nowrap">
                <ChannelIcon channel={d.channel} size={14} />
                <Text size="xs" c="dimmed" truncate="end">
                  {d.address}
                </Text>
              </Group>
            ))}
          </Stack>
          {customer.tags.length > 0 && (
            <Group gap={4}>
              {customer.tags.map((t) => (
                <Badge key={t} size="xs" variant="light" color="gray" tt="none">
                  {t}
                </Badge>
              ))}
            </Group>
          )}
          <CardFields customer={customer} fields={basic} />
          {additional.length > 0 && (
            <>
              {more && <CardFields customer={customer} fields={additional} />}
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => setMore((m) => !m)}
                rightSection={more ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
                data-testid="card-see-more"
                px={0}
                style={{ alignSelf: 'flex-start' }}
              >
                {more ? 'See less' : `See more (${additional.length})`}
              </Button>
            </>
          )}
        </>
      )}
      <Group gap={4}>
        {linkButton}
        <Tooltip label={closedReason} disabled={!closed} withArrow>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconUnlink size={14} />}
            onClick={() => unlink.mutate(null)}
            loading={unlink.isPending}
            disabled={closed}
            data-testid="unlink-customer"
          >
            Unlink
          </Button>
        </Tooltip>
      </Group>
      {unlink.error && (
        <Text size="xs" c="red">
          {unlink.error.message}
        </Text>
      )}
      <Text className={classes.sectionTitle} mt={4}>
        Other conversations
      </Text>
      {customer && <OtherConversations conversations={customer.conversations} exceptId={conversation.id} />}
      {modal}
    </Stack>
  );
}
