import type { Orm } from '../db/client.ts';

/** A fact that happened, named `<entity>.<past verb>` (e.g. `user.availability_changed`). */
export interface DomainEvent {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: string;
}

/** What a service gets inside one transaction: the transactional ORM and `emit` for events. */
export interface TxScope {
  tx: Orm;
  /** Records an event in the outbox, in this transaction; handlers run only after commit. */
  emit(type: string, payload: unknown): void;
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

/** Receives, in commit order, the events of its types from one committed transaction or one sweep. */
export type EventBatchHandler = (events: DomainEvent[]) => Promise<void> | void;

/** Outbox + after-commit dispatcher. */
export interface Events {
  /**
   * Runs `fn` in one transaction; its events are stored in the outbox and dispatched after commit
   * without the caller waiting. Each handler runs at least once per event (docs/events.md).
   */
  transact<T>(fn: (scope: TxScope) => Promise<T>): Promise<T>;
  /** Registers a handler for an event type; several handlers per type are allowed. */
  on(type: string, handler: EventHandler): void;
  /**
   * Registers one handler for all these types that gets a dispatch's events of them in one call,
   * after that dispatch's per-event handlers; it succeeds or fails for each of them alike.
   */
  onBatch(types: string | readonly string[], handler: EventBatchHandler): void;
  /** Starts the sweeper that re-dispatches events left undispatched by a crash. */
  start(): Promise<void>;
  /** Stops the sweeper and waits for running handlers. */
  stop(): Promise<void>;
  /** Waits until no after-commit dispatch or sweep is running (tests use it to observe handler effects). */
  drain(): Promise<void>;
}
