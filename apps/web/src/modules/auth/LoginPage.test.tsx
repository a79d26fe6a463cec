import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../test/render.tsx';
import { LoginPage } from './LoginPage.tsx';

describe('LoginPage', () => {
  it('shows the server error message when sign-in fails', async () => {
    const calls = stubFetch(403, { error: { code: 'user_disabled', message: 'Your account is disabled' } });
    renderWithProviders(<LoginPage />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'Ada@Example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByTestId('login-error');
    expect(alert.textContent).toContain('Your account is disabled');
    expect(alert.textContent).toContain('This account is disabled');
    expect(calls[0]?.url).toBe('/api/auth/login');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      email: 'ada@example.com',
      password: 'secret-password',
    });
  });

  it('validates the form before calling the server', async () => {
    const calls = stubFetch(200, {});
    renderWithProviders(<LoginPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/invalid email/i)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
