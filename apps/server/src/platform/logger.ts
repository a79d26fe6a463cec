import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** The process logger: JSON lines on stdout (one per event), level from LOG_LEVEL. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { pid: process.pid } });
}
