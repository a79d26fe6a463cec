import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders, stubFetch } from '../../test/render.tsx';
import { TeamPage } from './TeamPage.tsx';

const session = { user: makeUser(), csrfToken: 'csrf' };

describe('TeamPage', () => {
  it('shows the error, not false "Nobody is …" groups, when the team cannot be loaded', async () => {
    stubFetch(500, { error: { code: 'internal_error', message: 'Something went wrong on our side' } });
    renderWithProviders(<TeamPage />, { session });
    expect(await screen.findByText('Could not load the team')).toBeTruthy();
    expect(screen.queryByText(/Nobody is/)).toBeNull();
  });

  it('groups colleagues by availability once loaded', async () => {
    const changedAt = new Date().toISOString();
    stubFetch(200, {
      items: [
        {
          id: '00000000-0000-4000-8000-000000000002',
          displayName: 'Alan Turing',
          roles: ['agent'],
          availability: 'BUSY',
          availabilityChangedAt: changedAt,
        },
      ],
    });
    renderWithProviders(<TeamPage />, { session });
    expect(await screen.findByText('Alan Turing')).toBeTruthy();
    expect(screen.getByTestId('team-group-BUSY').textContent).toContain('Alan Turing');
    expect(screen.getByText('Nobody is active.')).toBeTruthy();
  });
});
