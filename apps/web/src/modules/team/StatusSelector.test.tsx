import { Menu } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../lib/api.ts';
import { makeUser, renderWithProviders, stubFetch } from '../../test/render.tsx';
import { sessionKey } from '../auth/session.ts';
import { StatusSelector } from './StatusSelector.tsx';

describe('StatusSelector', () => {
  it('sends the chosen status with the CSRF token and updates the session', async () => {
    const user = makeUser({ availability: 'ACTIVE' });
    const calls = stubFetch(200, { ...user, availability: 'BUSY' });
    setCsrfToken('csrf-1');
    const { queryClient } = renderWithProviders(
      <Menu opened>
        <Menu.Target>
          <button type="button">open</button>
        </Menu.Target>
        <Menu.Dropdown>
          <StatusSelector current="ACTIVE" />
        </Menu.Dropdown>
      </Menu>,
      { session: { user, csrfToken: 'csrf-1' } },
    );
    await userEvent.click(await screen.findByTestId('status-BUSY'));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.url).toBe('/api/me/availability');
    expect(calls[0]?.init.method).toBe('PUT');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ availability: 'BUSY' });
    expect(new Headers(calls[0]?.init.headers).get('x-csrf-token')).toBe('csrf-1');
    await waitFor(() =>
      expect(
        queryClient.getQueryData<{ user: { availability: string } }>(sessionKey)?.user.availability,
      ).toBe('BUSY'),
    );
  });
});
