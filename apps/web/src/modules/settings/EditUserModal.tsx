import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { UpdateUserRequest, type User } from '@parley/contracts';
import { Controller, useForm } from 'react-hook-form';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { useUpdateUser } from './users-api.ts';

const EditUserForm = UpdateUserRequest.pick({ displayName: true, roles: true }).required();

/** Edits a user's name and roles; mounted per user so the form starts from their values. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const update = useUpdateUser();
  const form = useForm({
    resolver: zodResolver(EditUserForm),
    defaultValues: { displayName: user.displayName, roles: user.roles },
  });
  const submit = form.handleSubmit((values) =>
    update.mutate({ id: user.id, ...values }, { onSuccess: onClose }),
  );
  const { errors } = form.formState;

  return (
    <Modal opened onClose={onClose} title={`Edit ${user.displayName}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            data-autofocus
            error={errors.displayName?.message}
            {...form.register('displayName')}
          />
          <TextInput label="E-mail" value={user.email} readOnly disabled />
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RoleCheckboxes value={field.value} onChange={field.onChange} error={errors.roles?.message} />
            )}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
