import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { FirstAdminRequest, LIMITS } from '@parley/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { AuthLayout } from './AuthLayout.tsx';
import { useCreateFirstAdmin } from './session.ts';

/** Shown while the installation has no users: creates the first admin and signs them in. */
export function FirstRunPage() {
  const create = useCreateFirstAdmin();
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(FirstAdminRequest),
    defaultValues: { email: '', displayName: '', password: '' },
  });
  const submit = form.handleSubmit((values) =>
    create.mutate(values, { onSuccess: () => navigate('/', { replace: true }) }),
  );
  const { errors } = form.formState;

  return (
    <AuthLayout
      title="Set up Parley"
      subtitle="Create the first administrator account. You can invite your team afterwards."
    >
      <form onSubmit={submit} noValidate data-testid="first-run-form">
        <Stack gap="md">
          {create.error && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} />}
              title="Could not create the admin"
            >
              {create.error.message}
            </Alert>
          )}
          <TextInput
            label="Your name"
            autoComplete="name"
            autoFocus
            error={errors.displayName?.message}
            {...form.register('displayName')}
          />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <PasswordInput
            label="Password"
            description={`At least ${LIMITS.passwordMin} characters`}
            autoComplete="new-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" fullWidth loading={create.isPending} mt="xs">
            Create admin and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
