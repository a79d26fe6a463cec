import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { setUnauthenticatedHandler } from '../lib/api.ts';
import { RealtimeProvider } from '../lib/realtime.tsx';
import { signOutLocally, useSession } from '../modules/auth/session.ts';
import { theme } from './theme.ts';

/** Connects the socket while someone is signed in and drops the session when the server ends it. */
function SessionEffects({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const session = useSession();
  useEffect(() => {
    setUnauthenticatedHandler(() => signOutLocally(queryClient));
  }, [queryClient]);
  return <RealtimeProvider enabled={Boolean(session.data)}>{children}</RealtimeProvider>;
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <SessionEffects queryClient={queryClient}>{children}</SessionEffects>
      </QueryClientProvider>
    </MantineProvider>
  );
}
