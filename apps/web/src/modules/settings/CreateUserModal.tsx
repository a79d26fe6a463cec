import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { CreateUserRequest, LIMITS, type Role } from '@parley/contracts';
import { Controller, useForm } from 'react-hook-form';
import { notifySuccess } from '../../lib/notify.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { useCreateUser } from './users-api.ts';

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const form = useForm({
    resolver: zodResolver(CreateUserRequest),
    defaultValues: { email: '', displayName: '', roles: ['agent'] as Role[], password: '' },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (user) => {
        notifySuccess(`${user.displayName} can now sign in.`);
        close();
      },
    }),
  );
  const { errors } = form.formState;

  return (
    <Modal opened={opened} onClose={close} title="New user" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            data-autofocus
            error={errors.displayName?.message}
            {...form.register('displayName')}
          />
          <TextInput label="E-mail" type="email" error={errors.email?.message} {...form.register('email')} />
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RoleCheckboxes value={field.value} onChange={field.onChange} error={errors.roles?.message} />
            )}
          />
          <PasswordInput
            label="Initial password"
            description={`At least ${LIMITS.passwordMin} characters. Share it with the user privately.`}
            autoComplete="new-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
