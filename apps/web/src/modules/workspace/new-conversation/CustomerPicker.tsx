import { Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Customer } from '@parley/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { customerDisplayName as nameOf } from '../../customers/customer-format.ts';
import { useCustomerSearch } from '../../customers/customers-api.ts';
import { channelLabel } from '../channel-icon.tsx';

/** How many matches the field offers (the first page is enough for a picker). */
const MATCHES = 10;

/**
 * The "+" form's customer field (D6): a searchable select holding the chosen profile, clearable.
 * It shares the search and the naming with the customers module's CustomerPicker, which is a
 * different control — a search box with a list of actions, for the link and merge dialogs.
 */
export function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: Customer | null;
  onChange: (customer: Customer | null) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // While a customer is chosen the box shows their name; searching that again would be noise.
  const searching = !value || search !== nameOf(value);
  const result = useCustomerSearch(query, MATCHES, searching);
  const found = result.data?.pages[0]?.items ?? [];
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  const byId = new Map(options.map((c) => [c.id, c]));

  return (
    <Select
      label="Customer"
      placeholder="Search by name, phone number or e-mail"
      leftSection={<IconSearch size={16} />}
      searchable
      clearable
      data-autofocus
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; Mantine must not filter its answer again.
      filter={({ options: all }) => all}
      data={options.map((c) => ({ value: c.id, label: nameOf(c) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={result.isFetching ? 'Searching…' : 'No customer matches; create a new one instead'}
      renderOption={({ option }) => {
        const customer = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {customer && customer.destinations.length > 0 && (
              <Group gap={6}>
                {customer.destinations.slice(0, 3).map((d) => (
                  <Text key={`${d.channel}:${d.address}`} size="xs" c="dimmed">
                    {channelLabel(d.channel)} {d.address}
                  </Text>
                ))}
              </Group>
            )}
          </Stack>
        );
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
