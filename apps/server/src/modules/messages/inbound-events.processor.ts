import type { InboundMessage } from '@parley/contracts';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/client.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { changeDeliveryStateInTx } from './delivery-state.service.ts';
import { ingestInboundBatchInTx } from './inbound.service.ts';
import { chunkByThread } from './inbound-event-chunks.ts';
import {
  type ClaimedInboundEvent,
  claimInboundEvents,
  markInboundEventFailed,
  markInboundEventsProcessed,
  pruneProcessedInboundEvents,
} from './inbound-events.repo.ts';

/** What a provider's mapper makes of one stored webhook body (channel adapters return this shape). */
export interface MappedInboundEvent {
  messages: InboundMessage[];
  statusUpdates: Array<{
    providerMessageId: string;
    state: 'SENT' | 'DELIVERED' | 'SEEN' | 'FAILED';
    reason?: string;
  }>;
  skipped: Array<{ providerMessageId: string; reason: string }>;
}

/**
 * Turns a provider's raw webhook body into Parley's shapes; provider payloads stay in the adapter.
 * May be async (an adapter fetching media); a throw retries the row later like any failure.
 */
export type InboundEventMapper = (
  connectionId: string,
  payload: unknown,
) => MappedInboundEvent | Promise<MappedInboundEvent>;

export interface InboundEventsProcessorOptions {
  /** Rows claimed per round. */
  batchSize?: number;
  /** Chunks processed at once (each holds a pool connection for its transaction). */
  concurrency?: number;
  /** Rows per transaction. */
  chunkSize?: number;
  /** How often due rows are looked for without a kick (crash leftovers, retries). */
  sweepEveryMs?: number;
  /** How long a claim holds a row before another process may take it. */
  leaseSeconds?: number;
}

export interface InboundEventsProcessor {
  /** Something was stored: process soon. Cheap; kicks during a round fold into the next one. */
  kick(): void;
  /** Processes every due row now; resolves with how many rows were handled. */
  drain(): Promise<number>;
  /** Starts the sweeper; its first round also picks up what a previous process left. */
  start(): void;
  /** Stops the sweeper and waits for the round in progress. */
  stop(): Promise<void>;
}

type Mapped = { row: ClaimedInboundEvent; mapped: MappedInboundEvent };

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_PROCESSED_DAYS = 7;
const MAX_RETRY_SECONDS = 3600;

/** Failed rows wait 2, 4, 8 … seconds, at most an hour, so a bad row never busies the processor. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), MAX_RETRY_SECONDS);
}

/**
 * Processes stored webhook bodies: claims due rows in batches, maps them with the provider's mapper,
 * ingests each chunk's messages set-wise (ingestInboundBatchInTx; a repeated provider message id is
 * ignored), applies delivery and seen reports, and marks rows processed. A failing row keeps its
 * error and is retried with backoff.
 */
export function createInboundEventsProcessor(
  deps: { db: Db; events: Events; logger: Logger },
  mappers: Record<string, InboundEventMapper>,
  options: InboundEventsProcessorOptions = {},
): InboundEventsProcessor {
  const { db, events, logger } = deps;
  const batchSize = options.batchSize ?? 400;
  const concurrency = options.concurrency ?? 8;
  const chunkSize = options.chunkSize ?? 100;
  const sweepEveryMs = options.sweepEveryMs ?? 2000;
  const leaseSeconds = options.leaseSeconds ?? 60;
  let running: Promise<number> | undefined;
  let kickedWhileRunning = false;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;

  async function applyStatusUpdates(scope: TxScope, row: ClaimedInboundEvent, mapped: MappedInboundEvent) {
    for (const update of mapped.statusUpdates) {
      await changeDeliveryStateInTx(
        scope,
        { connectionId: row.connectionId, providerMessageId: update.providerMessageId },
        { state: update.state, ...(update.reason !== undefined && { reason: update.reason }) },
      );
    }
  }

  async function fail(row: ClaimedInboundEvent, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(
      { err: error, eventId: row.id, attempts: row.attempts },
      'inbound event failed; retried later',
    );
    await markInboundEventFailed(db, row.id, message, retryDelaySeconds(row.attempts));
  }

  // One transaction per chunk: a commit (and its WAL flush) per chunk instead of per message. When
  // the chunk fails, each row is tried on its own so one bad row does not hold back the others.
  async function processChunk(chunk: Mapped[]): Promise<void> {
    try {
      await events.transact(async (scope) => {
        // Messages set-wise (one batch in arrival order), then the delivery and seen reports.
        await ingestInboundBatchInTx(
          scope,
          chunk.flatMap((item) => item.mapped.messages),
        );
        for (const { row, mapped } of chunk) await applyStatusUpdates(scope, row, mapped);
        await markInboundEventsProcessed(
          scope.tx,
          chunk.map((item) => item.row.id),
        );
      });
      for (const { row, mapped } of chunk) {
        for (const skipped of mapped.skipped) {
          logger.info({ eventId: row.id, ...skipped }, 'inbound event part skipped');
        }
      }
    } catch (error) {
      const [only] = chunk;
      if (chunk.length === 1 && only) return fail(only.row, error);
      for (const item of chunk) await processChunk([item]);
    }
  }

  async function processRows(rows: ClaimedInboundEvent[]): Promise<void> {
    const items: Mapped[] = [];
    for (const row of rows) {
      const mapper = mappers[row.provider];
      try {
        if (!mapper) throw new Error(`No mapper for provider ${row.provider}`);
        items.push({ row, mapped: await mapper(row.connectionId, row.payload) });
      } catch (error) {
        await fail(row, error);
      }
    }
    const chunks = chunkByThread(items, chunkSize);
    const worker = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await processChunk(chunk);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  }

  async function drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await claimInboundEvents(db, batchSize, leaseSeconds);
      if (rows.length === 0) return total;
      await processRows(rows);
      total += rows.length;
    }
  }

  function run(): Promise<number> {
    if (running) {
      kickedWhileRunning = true;
      return running;
    }
    const round = (async () => {
      let total = 0;
      do {
        kickedWhileRunning = false;
        total += await drainAll();
      } while (kickedWhileRunning && !stopped);
      return total;
    })();
    running = round.finally(() => {
      running = undefined;
    });
    return running;
  }

  function kick(): void {
    if (stopped) return;
    run().catch((err: unknown) => logger.error({ err }, 'inbound events round failed'));
  }

  async function sweep(): Promise<void> {
    kick();
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const pruned = await pruneProcessedInboundEvents(db, KEEP_PROCESSED_DAYS);
    if (pruned > 0) logger.info({ pruned }, 'pruned processed inbound events');
  }

  return {
    kick,
    drain: () => run(),
    start() {
      stopped = false;
      timer = setInterval(() => {
        sweep().catch((err: unknown) => logger.error({ err }, 'inbound events sweep failed'));
      }, sweepEveryMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
