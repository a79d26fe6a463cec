import {
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Customer, type CustomerCardField, PHONE_CHANNELS } from '@parley/contracts';
import { IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCurrentUser } from '../auth/current-user.tsx';
import { ChannelIcon } from '../workspace/channel-icon.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { customerDisplayName, fieldValue, formatValue, initialsOf } from './customer-format.ts';
import classes from './customers.module.css';
import { useCustomerCardConfig, useCustomerSearch } from './customers-api.ts';
import { ImportCustomersModal } from './ImportCustomersModal.tsx';

/** How many of the card's basic fields the list shows as columns. */
const LIST_FIELDS = 2;

function CustomerRow({ customer, fields }: { customer: Customer; fields: readonly CustomerCardField[] }) {
  const navigate = useNavigate();
  const name = customerDisplayName(customer);
  const phone = customer.destinations.find((d) => PHONE_CHANNELS.includes(d.channel));
  const email = customer.destinations.find((d) => d.channel === 'EMAIL');
  const others = [...new Set(customer.destinations.map((d) => d.channel))];
  const open = () => navigate(`/customers/${customer.id}`);
  return (
    <Table.Tr
      className={classes.row}
      onClick={open}
      onKeyDown={(e) => e.key === 'Enter' && open()}
      tabIndex={0}
      data-testid="customer-row"
      data-customer-id={customer.id}
    >
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar size="sm" radius="xl" color="blue" name={name}>
            {initialsOf(name)}
          </Avatar>
          <Stack gap={0} miw={0}>
            <Text size="sm" fw={600} truncate="end">
              {name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {[customer.city, customer.country].filter(Boolean).join(', ') || '—'}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td maw={240}>
        <Text size="sm" truncate="end">
          {phone ? `+${phone.address}` : '—'}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {email?.address ?? 'No e-mail'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {others.map((c) => (
            <ChannelIcon key={c} channel={c} size={15} />
          ))}
        </Group>
      </Table.Td>
      {fields.map((f) => (
        <Table.Td key={f.label}>
          <Text size="sm" truncate="end">
            {formatValue(
              { name: f.label, type: f.type, options: f.options },
              fieldValue(customer, f.ref, f.label),
            )}
          </Text>
        </Table.Td>
      ))}
      <Table.Td>
        <Group gap={4}>
          {customer.tags.slice(0, 3).map((t) => (
            <Badge key={t} size="sm" variant="light" color="gray" tt="none">
              {t}
            </Badge>
          ))}
          {customer.tags.length > 3 && (
            <Text size="xs" c="dimmed">
              +{customer.tags.length - 3}
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Every profile, searchable by name, place, address, tag or attribute value, in pages by name. */
export function CustomerListPage() {
  const me = useCurrentUser();
  const supervisor = me.roles.includes('supervisor');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = useCustomerSearch(debounced);
  const card = useCustomerCardConfig();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const navigate = useNavigate();
  const fields = (card.data?.fields ?? []).filter((f) => f.section === 'basic').slice(0, LIST_FIELDS);
  const customers = search.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (value: string) => {
    setQ(value);
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Customers"
        description="Who your customers are and how to reach them."
        action={
          <Group gap="xs">
            {supervisor && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconUpload size={16} />}
                  onClick={() => setDialog('import')}
                >
                  Import CSV
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  component="a"
                  href="/api/customers/export"
                  download
                >
                  Export CSV
                </Button>
              </>
            )}
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('create')}>
              New customer
            </Button>
          </Group>
        }
      />
      <TextInput
        placeholder="Search by name, phone, e-mail, tag or attribute value"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => onSearch(e.currentTarget.value)}
        rightSection={search.isFetching && !search.isFetchingNextPage ? <Loader size="xs" /> : null}
        maw={520}
        aria-label="Search customers"
        data-testid="customers-search"
      />
      {search.error && (
        <Alert color="red" title="Could not load customers">
          {search.error.message}
        </Alert>
      )}
      {search.data && customers.length === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {debounced
              ? `No customer matches “${debounced}”.`
              : 'No customers yet. Create one or import a CSV file.'}
          </Text>
        </Paper>
      )}
      {customers.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Phone and e-mail</Table.Th>
                  <Table.Th>Channels</Table.Th>
                  {fields.map((f) => (
                    <Table.Th key={f.label}>{f.label}</Table.Th>
                  ))}
                  <Table.Th>Tags</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.map((c) => (
                  <CustomerRow key={c.id} customer={c} fields={fields} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {search.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void search.fetchNextPage()}
          loading={search.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          Load more
        </Button>
      )}
      {dialog === 'create' && (
        <CustomerFormModal
          opened
          onClose={() => setDialog(null)}
          onSaved={(c) => navigate(`/customers/${c.id}`)}
        />
      )}
      <ImportCustomersModal opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
