import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import {
  CreateCustomerRequest,
  type Customer,
  GENDERS,
  type Gender,
  UpdateCustomerRequest,
} from '@parley/contracts';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { GENDER_LABELS } from './customer-format.ts';
import { useCreateCustomer, useCustomerTagNames, useUpdateCustomer } from './customers-api.ts';
import { type DestinationDraft, DestinationsEditor } from './DestinationsEditor.tsx';

interface Draft {
  name: string;
  gender: Gender | null;
  city: string;
  country: string;
  destinations: DestinationDraft[];
  tags: string[];
}

const draftOf = (c?: Customer): Draft => ({
  name: c?.name ?? '',
  gender: c?.gender ?? null,
  city: c?.city ?? '',
  country: c?.country ?? '',
  destinations: c?.destinations.map((d) => ({ ...d })) ?? [{ channel: 'SMS', address: '' }],
  tags: c?.tags ?? [],
});

/** Problems of a draft by field, as the contract words them. */
function problemsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const problems: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) problems[issue.path.join('.')] ??= issue.message;
  return problems;
}

/**
 * Creates a profile, or (with `customer`) changes its name, place, addresses and tags. Blank
 * address rows are ignored; the server names the profile that already owns an address.
 */
export function CustomerFormModal({
  customer,
  opened,
  onClose,
  onSaved,
}: {
  customer?: Customer;
  opened: boolean;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}) {
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const tagNames = useCustomerTagNames();
  const [draft, setDraft] = useState<Draft>(() => draftOf(customer));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const mutation = customer ? update : create;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const close = () => {
    setDraft(draftOf(customer));
    setProblems({});
    create.reset();
    update.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name: draft.name,
      gender: draft.gender,
      city: draft.city.trim() || null,
      country: draft.country.trim() || null,
      destinations: draft.destinations.filter((d) => d.address.trim() !== ''),
      tags: draft.tags,
    };
    const parsed = (customer ? UpdateCustomerRequest : CreateCustomerRequest).safeParse(body);
    setProblems(problemsOf(parsed));
    if (!parsed.success) return;
    const done = (saved: Customer) => {
      notifySuccess(customer ? 'Customer saved' : `${saved.name ?? 'Customer'} created`);
      onSaved?.(saved);
      close();
    };
    if (customer) update.mutate(body, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  const destinationErrors = Object.fromEntries(
    Object.entries(problems)
      .filter(([path]) => path.startsWith('destinations.'))
      .map(([path, message]) => [Number(path.split('.')[1]), message]),
  );
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={customer ? 'Edit customer' : 'New customer'}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={problems.name}
            data-autofocus
          />
          <SimpleGrid cols={3} spacing="sm">
            <Select
              label="Gender"
              data={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
              value={draft.gender}
              onChange={(g) => set({ gender: g as Gender | null })}
              clearable
              placeholder="—"
            />
            <TextInput
              label="City"
              value={draft.city}
              onChange={(e) => set({ city: e.currentTarget.value })}
              error={problems.city}
            />
            <TextInput
              label="Country"
              value={draft.country}
              onChange={(e) => set({ country: e.currentTarget.value })}
              error={problems.country}
            />
          </SimpleGrid>
          <DestinationsEditor
            value={draft.destinations}
            onChange={(destinations) => set({ destinations })}
            errors={destinationErrors}
          />
          <TagsInput
            label="Tags"
            description="Free labels, e.g. Newsletter or Business"
            data={tagNames.data?.items ?? []}
            value={draft.tags}
            onChange={(tags) => set({ tags })}
            error={Object.entries(problems).find(([p]) => p.startsWith('tags'))?.[1]}
            clearable
          />
          {mutation.error && (
            <Alert color="red" variant="light">
              {mutation.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {customer ? 'Save' : 'Create customer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
