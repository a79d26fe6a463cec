import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  type CardFieldRef,
  type CustomerDetail,
  cardFieldKey,
  STANDARD_FIELDS,
  standardFieldRule,
} from '@parley/contracts';
import { IconArrowLeft, IconChevronDown, IconGitMerge, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useCurrentUser } from '../auth/current-user.tsx';
import { ChannelIcon, channelLabel } from '../workspace/channel-icon.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { customerDisplayName, fieldPatch, fieldValue, initialsOf } from './customer-format.ts';
import classes from './customers.module.css';
import {
  useAttributeDefinitions,
  useCustomer,
  useCustomerCardConfig,
  useDeleteCustomer,
  useUpdateCustomer,
} from './customers-api.ts';
import { EditableField } from './EditableField.tsx';
import { MergeCustomerModal } from './MergeCustomerModal.tsx';
import { OtherConversations } from './OtherConversations.tsx';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text className={classes.sectionTitle}>{title}</Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Standard fields and every attribute, changed in place; agents cannot change what the card makes view-only. */
function ProfileFields({ customer }: { customer: CustomerDetail }) {
  const me = useCurrentUser();
  const definitions = useAttributeDefinitions();
  const card = useCustomerCardConfig();
  const update = useUpdateCustomer(customer.id);
  const supervisor = me.roles.includes('supervisor');
  const viewOnly = new Set(
    (card.data?.fields ?? []).filter((f) => !f.agentEditable).map((f) => cardFieldKey(f.ref)),
  );
  const fields: { ref: CardFieldRef; rule: ReturnType<typeof standardFieldRule> }[] = [
    ...STANDARD_FIELDS.map((field) => ({
      ref: { kind: 'standard' as const, field },
      rule: standardFieldRule(field),
    })),
    ...(definitions.data?.items ?? []).map((d) => ({
      ref: { kind: 'custom' as const, attributeId: d.id },
      rule: d,
    })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing={6}>
      {fields.map(({ ref, rule }) => (
        <EditableField
          key={cardFieldKey(ref)}
          rule={rule}
          value={fieldValue(customer, ref, rule.name)}
          editable={supervisor || !viewOnly.has(cardFieldKey(ref))}
          lockedReason="View only for agents: set on the customer card"
          onSave={(value) => update.mutateAsync(fieldPatch(ref, rule.name, value))}
          rowProps={{ 'data-testid': 'profile-field', 'data-attribute': rule.name }}
        />
      ))}
    </SimpleGrid>
  );
}

/** One customer's profile (D6): fields and attributes, addresses, tags, conversations and recorded changes. */
export function CustomerProfilePage() {
  const { customerId = '' } = useParams();
  const me = useCurrentUser();
  const supervisor = me.roles.includes('supervisor');
  const detail = useCustomer(customerId);
  const remove = useDeleteCustomer();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'delete' | null>(null);
  const close = () => setDialog(null);

  const back = (
    <Anchor component={Link} to="/customers" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} /> Customers
      </Group>
    </Anchor>
  );
  if (detail.isPending) return <Loader />;
  if (detail.error) {
    return (
      <Stack>
        {back}
        <Alert color="red" title="Could not load this customer">
          {detail.error.message}
        </Alert>
      </Stack>
    );
  }
  const customer = detail.data;
  const name = customerDisplayName(customer);
  return (
    <Stack gap="lg" data-testid="customer-profile">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap" miw={0}>
          <Avatar size="lg" radius="xl" color="blue">
            {initialsOf(name)}
          </Avatar>
          <Stack gap={2} miw={0}>
            <Title order={1} fz="h2" lineClamp={1}>
              {name}
            </Title>
            <Text size="sm" c="dimmed">
              Profile created {date.format(new Date(customer.createdAt))} · updated{' '}
              {dateTime.format(new Date(customer.updatedAt))}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
            Edit
          </Button>
          {supervisor && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconGitMerge size={16} />} onClick={() => setDialog('merge')}>
                  Merge a duplicate into this profile
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDialog('delete')}
                >
                  Delete customer
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title="Details">
              <ProfileFields customer={customer} />
            </Section>
            <Section title={`Conversations (${customer.conversations.length})`}>
              <OtherConversations conversations={customer.conversations} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title="Destinations">
              {customer.destinations.length === 0 && (
                <Text size="sm" c="dimmed">
                  None: messages from this customer are not recognised.
                </Text>
              )}
              {customer.destinations.map((d) => (
                <Group
                  key={`${d.channel}:${d.address}`}
                  gap="sm"
                  wrap="nowrap"
                  data-testid="customer-destination"
                >
                  <ChannelIcon channel={d.channel} size={16} />
                  <Stack gap={0} miw={0}>
                    <Text size="sm" truncate="end">
                      {d.address}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {channelLabel(d.channel)}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </Section>
            <Section title="Tags">
              {customer.tags.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No tags
                </Text>
              ) : (
                <Group gap={6}>
                  {customer.tags.map((t) => (
                    <Badge key={t} variant="light" color="gray" tt="none">
                      {t}
                    </Badge>
                  ))}
                </Group>
              )}
            </Section>
            <Section title="Activity">
              {customer.changes.length === 0 && (
                <Text size="sm" c="dimmed">
                  No merges or conversation links yet.
                </Text>
              )}
              {customer.changes.map((c) => (
                <Stack key={c.id} gap={0}>
                  <Text size="sm">{c.text}</Text>
                  <Text size="xs" c="dimmed">
                    {c.actor?.displayName ?? 'Integration'} · {dateTime.format(new Date(c.createdAt))}
                  </Text>
                </Stack>
              ))}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && <CustomerFormModal customer={customer} opened onClose={close} />}
      <MergeCustomerModal kept={customer} opened={dialog === 'merge'} onClose={close} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete customer"
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(customer.id, { onSuccess: () => navigate('/customers', { replace: true }) })
        }
      >
        The profile, its addresses and tags are deleted. Its {customer.conversations.length} conversations
        stay, as conversations of an unknown customer with their addresses.
      </ConfirmDialog>
    </Stack>
  );
}
