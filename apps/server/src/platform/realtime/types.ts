import type { RealtimeEvent, Role } from '@parley/contracts';

/** Who receives a realtime event: any of these users, or anyone holding one of these roles. */
export interface Audience {
  userIds?: string[];
  roles?: Role[];
}

export interface Realtime {
  /** Delivers an event to the audience's sockets on every Parley process (via Redis when configured). */
  publish(audience: Audience, event: RealtimeEvent): Promise<void>;
  /** Called on this process when a user's socket opens or closes, with that user's open sockets here. */
  onConnectionChange(listener: (userId: string, openHere: number) => void): void;
  /** Whether the user has an open socket on any live Parley process (presence is kept in the database). */
  isUserConnected(userId: string): Promise<boolean>;
  /** Closes every socket (clients reconnect elsewhere) and the bus. */
  close(): Promise<void>;
}

/** The process-local side of realtime that app.ts wires: the `/api/ws` route. */
export interface RealtimeServer extends Realtime {
  registerRoutes(authenticate: import('../http/access.ts').Authenticate): Promise<void>;
}
