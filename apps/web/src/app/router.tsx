import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router';
import { CurrentUserProvider, useCurrentUser } from '../modules/auth/current-user.tsx';
import { FirstRunPage } from '../modules/auth/FirstRunPage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { useSession, useSetupStatus } from '../modules/auth/session.ts';
import { ConversationPage } from '../modules/workspace/conversation/ConversationPage.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { allScreens, NAV, type NavScreen, visibleNav } from './shell/nav-registry.ts';

function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}

function FullPageError({ message }: { message: string }) {
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="xs">
        <Title order={2}>Parley is not reachable</Title>
        <Text c="dimmed">{message}</Text>
      </Stack>
    </Center>
  );
}

/**
 * Decides which world a visitor is in: first run (no admin yet), signed out, or signed in.
 * `want` is the world the current route belongs to; anyone elsewhere is redirected.
 */
function Gate({ want, children }: { want: 'setup' | 'signed-out' | 'signed-in'; children: ReactNode }) {
  const setup = useSetupStatus();
  const session = useSession();
  const location = useLocation();
  if (setup.isPending || session.isPending) return <FullPageLoader />;
  const error = setup.error ?? session.error;
  if (error) return <FullPageError message={error.message} />;
  const actual = setup.data?.needsFirstAdmin ? 'setup' : session.data ? 'signed-in' : 'signed-out';
  if (actual === want) {
    return session.data ? (
      <CurrentUserProvider user={session.data.user}>{children}</CurrentUserProvider>
    ) : (
      children
    );
  }
  if (actual === 'setup') return <Navigate to="/setup" replace />;
  if (actual === 'signed-in') return <Navigate to="/" replace />;
  return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

function ScreenRoute({ screen }: { screen: NavScreen }) {
  const user = useCurrentUser();
  const allowed = !screen.roles || screen.roles.some((role) => user.roles.includes(role));
  if (!allowed) {
    return (
      <Stack gap="xs">
        <Title order={1} fz="h2">
          Not available
        </Title>
        <Text c="dimmed">Your roles do not include access to {screen.label}.</Text>
      </Stack>
    );
  }
  const Screen = screen.screen;
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader size="sm" aria-label={`Loading ${screen.label}`} />
        </Center>
      }
    >
      <Screen />
    </Suspense>
  );
}

/** `/` opens the first screen the user may see. */
function HomeRedirect() {
  const user = useCurrentUser();
  const first = allScreens(visibleNav(NAV, user.roles))[0];
  return <Navigate to={first?.path ?? '/team'} replace />;
}

export const routes: RouteObject[] = [
  {
    path: '/setup',
    element: (
      <Gate want="setup">
        <FirstRunPage />
      </Gate>
    ),
  },
  {
    path: '/login',
    element: (
      <Gate want="signed-out">
        <LoginPage />
      </Gate>
    ),
  },
  {
    path: '/',
    element: (
      <Gate want="signed-in">
        <AppLayout />
      </Gate>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      // `/*`: a screen may route inside itself (MY WORK's `/my-work/:conversationId`) with `<Routes>`.
      ...allScreens(NAV).map((screen) => ({
        path: `${screen.path}/*`,
        element: <ScreenRoute screen={screen} />,
      })),
      { path: 'conversations/:conversationId', element: <ConversationPage /> },
      { path: '*', element: <HomeRedirect /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
