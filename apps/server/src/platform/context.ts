import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Events } from './events/types.ts';
import type { Jobs } from './jobs/types.ts';
import type { Realtime } from './realtime/types.ts';

/** What every module's `register…Module(app, ctx)` receives. */
export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  events: Events;
  jobs: Jobs;
  realtime: Realtime;
}
