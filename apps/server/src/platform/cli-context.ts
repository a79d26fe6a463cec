import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';

/** What every `npm run parley -- <command>` handler receives: a migrated database and the config. */
export interface CliContext {
  config: Config;
  db: Db;
  logger: Logger;
}

/** A CLI command: parses its own `args` and throws UsageError on bad ones. */
export type CliCommand = (args: string[], ctx: CliContext) => Promise<void>;

/** Bad command-line arguments: the CLI prints the message with the usage text and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
