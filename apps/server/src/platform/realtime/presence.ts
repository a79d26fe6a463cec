import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { realtimeConnections, realtimeProcesses } from './realtime.schema.ts';

const HEARTBEAT_MS = 10_000;
/** A process whose heartbeat is older than this is considered dead. */
const ALIVE_WITHIN_SECONDS = 30;
/** Dead processes' rows are deleted after this long (any live process does it). */
const FORGET_AFTER_SECONDS = 600;

/** Presence of users' sockets across all Parley processes, kept in PostgreSQL. */
export interface Presence {
  readonly processId: string;
  start(): Promise<void>;
  add(connectionId: string, userId: string): Promise<void>;
  remove(connectionId: string): Promise<void>;
  isUserConnected(userId: string): Promise<boolean>;
  /** Stops the heartbeat and deletes this process's rows. */
  stop(): Promise<void>;
}

export function createPresence(db: Db, logger: Logger, heartbeatMs = HEARTBEAT_MS): Presence {
  const processId = crypto.randomUUID();
  let timer: NodeJS.Timeout | undefined;

  async function beat(): Promise<void> {
    // Upsert: if another process pruned us during a long pause, we come back with no stale sockets lost.
    await db.orm
      .insert(realtimeProcesses)
      .values({ id: processId })
      .onConflictDoUpdate({ target: realtimeProcesses.id, set: { heartbeatAt: sql`now()` } });
    await db.orm
      .delete(realtimeProcesses)
      .where(lt(realtimeProcesses.heartbeatAt, sql`now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`));
  }

  return {
    processId,
    async start() {
      await beat();
      timer = setInterval(() => {
        beat().catch((err) => logger.error({ err }, 'presence heartbeat failed'));
      }, heartbeatMs);
      timer.unref();
    },
    async add(connectionId, userId) {
      await db.orm.insert(realtimeConnections).values({ id: connectionId, userId, processId });
    },
    async remove(connectionId) {
      await db.orm.delete(realtimeConnections).where(eq(realtimeConnections.id, connectionId));
    },
    async isUserConnected(userId) {
      const rows = await db.orm
        .select({ id: realtimeConnections.id })
        .from(realtimeConnections)
        .innerJoin(realtimeProcesses, eq(realtimeProcesses.id, realtimeConnections.processId))
        .where(
          and(
            eq(realtimeConnections.userId, userId),
            gt(realtimeProcesses.heartbeatAt, sql`now() - make_interval(secs => ${ALIVE_WITHIN_SECONDS})`),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      // Cascades to this process's connection rows.
      await db.orm.delete(realtimeProcesses).where(eq(realtimeProcesses.id, processId));
    },
  };
}
