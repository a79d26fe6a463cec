import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { customerDisplayName } from '../../customers/customer-format.ts';
import { useCustomerSearch } from '../../customers/customers-api.ts';

/** Matches offered while searching (the first page is enough for a filter). */
const MATCHES = 10;

/** The tray's customer filter: search customers by name, address or attribute, pick one. */
export function CustomerFilter({
  customerId,
  name,
  onChange,
}: {
  customerId: string | undefined;
  /** The chosen customer's name, once known. */
  name: string | undefined;
  onChange: (customerId: string | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // While a customer is chosen the box shows their name; searching that again would be noise.
  const searching = !customerId || search !== name;
  const result = useCustomerSearch(query, MATCHES, searching);
  const found = (result.data?.pages[0]?.items ?? []).map((c) => ({
    value: c.id,
    label: customerDisplayName(c),
  }));
  const options =
    customerId && !found.some((o) => o.value === customerId)
      ? [{ value: customerId, label: name ?? '…' }, ...found]
      : found;

  return (
    <Select
      label="Customer"
      placeholder="Search by name, phone number or e-mail"
      leftSection={<IconSearch size={15} />}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; Mantine must not filter its answer again.
      filter={({ options: all }) => all}
      data={options}
      value={customerId ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      nothingFoundMessage={result.isFetching ? 'Searching…' : 'No customer matches'}
      data-testid="filter-customer"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
