/** Background jobs on pg-boss: durable, retried, shared between Parley processes. */
export interface JobOptions {
  /** Delay before the job may run, in seconds. */
  startAfterSeconds?: number;
  /** Deduplication key: a second job with the same key while one is queued is dropped. */
  singletonKey?: string;
  retryLimit?: number;
}
export type JobHandler<T> = (data: T) => Promise<void>;

export interface Jobs {
  /** Declares a queue and its worker (workers run only when JOBS_ENABLED). Call before start(). */
  register<T extends object>(name: string, handler: JobHandler<T>): void;
  /** Enqueues a job. */
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<void>;
  /**
   * Runs the registered job `name` (with empty data) on a cron schedule in UTC, once per occurrence
   * however many processes run. Call before start().
   */
  schedule(name: string, cron: string): void;
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones to finish. */
  stop(): Promise<void>;
}
