import type { User } from '@parley/contracts';
import { createContext, type ReactNode, useContext } from 'react';

// Handed down by the signed-in gate rather than read from the query cache by each screen: when
// the session ends, the gate swaps the whole shell out in one render, so no screen ever renders
// half-way with no user.
const CurrentUserContext = createContext<User | null>(null);

export function CurrentUserProvider({ user, children }: { user: User; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

/** The signed-in user; only call below the signed-in gate. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside the signed-in part of the app');
  return user;
}
