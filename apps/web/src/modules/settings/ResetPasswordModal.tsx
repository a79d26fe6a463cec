import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { LIMITS, ResetPasswordRequest, type User } from '@parley/contracts';
import { useForm } from 'react-hook-form';
import { notifySuccess } from '../../lib/notify.ts';
import { useResetPassword } from './users-api.ts';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const reset = useResetPassword();
  const form = useForm({ resolver: zodResolver(ResetPasswordRequest), defaultValues: { password: '' } });
  const submit = form.handleSubmit((values) =>
    reset.mutate(
      { id: user.id, ...values },
      {
        onSuccess: () => {
          notifySuccess(`Password of ${user.displayName} changed.`);
          onClose();
        },
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title="Reset password" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm">
            Set a new password for <b>{user.displayName}</b> ({user.email}) and share it with them privately.
          </Text>
          <PasswordInput
            label="New password"
            description={`At least ${LIMITS.passwordMin} characters`}
            autoComplete="new-password"
            data-autofocus
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={reset.isPending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
