import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../test/render.tsx';
import { sessionKey, setupKey, signOutLocally } from './session.ts';

describe('signOutLocally', () => {
  it('keeps the (now empty) session and the setup status, and forgets every screen', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionKey, { user: makeUser(), csrfToken: 'csrf' });
    queryClient.setQueryData(setupKey, { needsFirstAdmin: false });
    queryClient.setQueryData(['team'], { items: [] });

    signOutLocally(queryClient);

    // The queries themselves stay, so mounted gates see "signed out" instead of loading forever.
    expect(queryClient.getQueryCache().find({ queryKey: sessionKey })?.state.data).toBeNull();
    expect(queryClient.getQueryData(setupKey)).toEqual({ needsFirstAdmin: false });
    expect(queryClient.getQueryCache().find({ queryKey: ['team'] })).toBeUndefined();
  });
});
