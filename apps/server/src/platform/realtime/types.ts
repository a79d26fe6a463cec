import type { RealtimeEvent, Role } from '@parley/contracts';

/** Who receives a realtime event: any of these users, or anyone holding one of these roles. */
export interface Audience {
  userIds?: string[];
  roles?: Role[];
}

/** Which sockets to close: those of any of these users, or opened with any of these sessions. */
export interface DisconnectTarget {
  userIds?: string[];
  sessionIds?: string[];
}

export interface Realtime {
  /**
   * Delivers an event to the audience's sockets on every Parley process (via Redis when configured).
   * Best effort: when the bus is down the push is logged and lost (never thrown); clients refetch on
   * reconnect. A late retry could overwrite newer state in the browser, so nothing retries it.
   */
  publish(audience: Audience, event: RealtimeEvent): Promise<void>;
  /**
   * Closes the target's sockets on every process with SESSION_CHANGED_CLOSE_CODE (4401), so a
   * revoked session, a disabled user or changed roles stop receiving events. Rejects when the bus
   * could not carry the order, so an outbox handler calling it is retried.
   */
  disconnect(target: DisconnectTarget, reason: string): Promise<void>;
  /**
   * Hands `data` to the `onBroadcast(topic)` listeners of every Parley process, over the same bus as
   * `publish` and just as best effort (logged and lost when the bus is down, never thrown).
   */
  broadcast(topic: string, data: unknown): Promise<void>;
  /** Runs `listener` on this process for everything broadcast on `topic` (by any process). */
  onBroadcast(topic: string, listener: (data: unknown) => void): void;
  /** Called on this process when a user's socket opens or closes, with that user's open sockets here. */
  onConnectionChange(listener: (userId: string, openHere: number) => void): void;
  /** Whether the user has an open socket on any live Parley process (presence is kept in the database). */
  isUserConnected(userId: string): Promise<boolean>;
  /** Closes every socket (clients reconnect elsewhere) and the bus. */
  close(): Promise<void>;
}

/** The process-local side of realtime that app.ts wires: the `/api/ws` route. */
export interface RealtimeServer extends Realtime {
  registerRoutes(): Promise<void>;
}
