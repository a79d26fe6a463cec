import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Live Parley processes; a process not seen for 30 s is dead and its connections no longer count. */
export const realtimeProcesses = pgTable('realtime_processes', {
  id: uuid('id').primaryKey(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per open WebSocket, so any process can tell whether a user is connected anywhere. */
export const realtimeConnections = pgTable(
  'realtime_connections',
  {
    id: uuid('id').primaryKey(),
    // No foreign key to users: platform/ knows nothing of modules/ (ARCHITECTURE.md §3).
    userId: uuid('user_id').notNull(),
    processId: uuid('process_id')
      .notNull()
      .references(() => realtimeProcesses.id, { onDelete: 'cascade' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('realtime_connections_user_idx').on(t.userId),
    index('realtime_connections_process_idx').on(t.processId),
  ],
);
