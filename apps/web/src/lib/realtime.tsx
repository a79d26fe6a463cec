import type { RealtimeEvent, RealtimeEventType } from '@parley/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { api } from './api.ts';
import { connectSocket, type RealtimeSocket, socketUrl } from './socket.ts';

const SocketContext = createContext<RealtimeSocket | null>(null);

/** Holds the one socket while `enabled` (signed in); closes it on sign-out. */
export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const connection = connectSocket({
      url: socketUrl(),
      // Events sent while we were away are lost: refetch what is on screen.
      onReconnect: () => void queryClient.invalidateQueries({ refetchType: 'active' }),
      // A 401 here reaches the API client's unauthenticated handler, which clears the session.
      checkSession: () => api.get('/api/auth/session'),
    });
    setSocket(connection);
    return () => {
      connection.close();
      setSocket(null);
    };
  }, [enabled, queryClient]);

  return <SocketContext value={socket}>{children}</SocketContext>;
}

/** Runs `handler` for each realtime event of `type` while the component is mounted. */
export function useRealtimeEvent<T extends RealtimeEventType>(
  type: T,
  handler: (event: Extract<RealtimeEvent, { type: T }>) => void,
): void {
  const socket = useContext(SocketContext);
  // The latest handler is kept in a ref so callers need not memoise it.
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (!socket) return;
    return socket.subscribe(type, (event) => handlerRef.current(event));
  }, [socket, type]);
}
