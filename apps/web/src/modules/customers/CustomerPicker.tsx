import { Loader, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Customer } from '@parley/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { customerDisplayName } from './customer-format.ts';
import classes from './customers.module.css';
import { useCustomerSearch } from './customers-api.ts';

/** Finds a profile by name, place, address, tag or attribute value; `exclude` is left out of the results. */
export function CustomerPicker({
  onPick,
  exclude,
  disabled,
}: {
  onPick: (customer: Customer) => void;
  exclude?: string | null;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = useCustomerSearch(debounced, 8);
  const found = (search.data?.pages[0]?.items ?? []).filter((c) => c.id !== exclude);
  return (
    <Stack gap="xs">
      <TextInput
        placeholder="Name, phone, e-mail, tag…"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
        data-testid="customer-search"
        aria-label="Search customers"
      />
      <ScrollArea.Autosize mah={280}>
        <Stack gap={2}>
          {search.isPending && <Loader size="sm" />}
          {search.data && found.length === 0 && (
            <Text size="sm" c="dimmed" py="xs">
              No customer matches “{debounced}”.
            </Text>
          )}
          {found.map((c) => (
            <UnstyledButton
              key={c.id}
              className={classes.option}
              onClick={() => onPick(c)}
              disabled={disabled}
              data-testid="customer-option"
            >
              <Text size="sm" fw={600} truncate="end">
                {customerDisplayName(c)}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {[c.city, ...c.destinations.map((d) => d.address)].filter(Boolean).join(' · ') ||
                  'No addresses'}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
