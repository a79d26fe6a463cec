import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import type { Customer } from '@parley/contracts';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { customerDisplayName } from './customer-format.ts';
import { useMergeCustomers } from './customers-api.ts';

/** Supervisors merge a duplicate profile into this one (kept): its addresses, tags and conversations move here. */
export function MergeCustomerModal({
  kept,
  opened,
  onClose,
}: {
  kept: Customer;
  opened: boolean;
  onClose: () => void;
}) {
  const [duplicate, setDuplicate] = useState<Customer | null>(null);
  const merge = useMergeCustomers(kept.id);
  const keptName = customerDisplayName(kept);
  const close = () => {
    setDuplicate(null);
    merge.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Merge a duplicate into ${keptName}`} size="md" centered>
      {!duplicate ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Find the duplicate profile. {keptName} is kept.
          </Text>
          <CustomerPicker onPick={setDuplicate} exclude={kept.id} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Paper withBorder p="sm" radius="md">
            <Text fw={600}>{customerDisplayName(duplicate)}</Text>
            <Text size="xs" c="dimmed">
              {duplicate.destinations.map((d) => `${d.channel} ${d.address}`).join(' · ') || 'No addresses'}
            </Text>
          </Paper>
          <Text size="sm">
            Its addresses, tags and conversations move to {keptName}. Its values fill only the fields{' '}
            {keptName} has empty; where both have a value, {keptName}'s stays. Then{' '}
            {customerDisplayName(duplicate)} is deleted. This cannot be undone.
          </Text>
          {merge.error && <Alert color="red">{merge.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDuplicate(null)}>
              Back
            </Button>
            <Button
              color="red"
              loading={merge.isPending}
              onClick={() =>
                merge.mutate(duplicate.id, {
                  onSuccess: () => {
                    notifySuccess(`${customerDisplayName(duplicate)} merged into ${keptName}`);
                    close();
                  },
                })
              }
              data-testid="confirm-merge"
            >
              Merge
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
