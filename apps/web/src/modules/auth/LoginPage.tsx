import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginRequest } from '@parley/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import { type ApiError, isApiError } from '../../lib/api.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useLogin } from './session.ts';

const ERROR_TITLES: Partial<Record<ApiError['code'], string>> = {
  invalid_credentials: 'Wrong e-mail or password',
  user_disabled: 'This account is disabled',
  rate_limited: 'Too many attempts',
  network_error: 'Server unreachable',
};

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useForm({ resolver: zodResolver(LoginRequest), defaultValues: { email: '', password: '' } });
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const submit = form.handleSubmit((values) =>
    login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) }),
  );
  const error = login.error;
  const errorTitle = (isApiError(error) && ERROR_TITLES[error.code]) || 'Could not sign in';
  // The server's message is shown under the title unless it only repeats it.
  const errorDetail =
    error && error.message.toLowerCase() !== errorTitle.toLowerCase() ? error.message : null;

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in with your work e-mail.">
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack gap="md">
          {error && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} />}
              title={errorTitle}
              data-testid="login-error"
            >
              {errorDetail}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            autoFocus
            error={form.formState.errors.email?.message}
            {...form.register('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" fullWidth loading={login.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
