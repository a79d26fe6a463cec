import pino from 'pino';
import { type App, buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/client.ts';
import { createTestDb } from './db.ts';

/** A fully built app on a fresh database, for route tests with `app.inject`. Closed by the caller. */
export async function buildTestApp(
  overrides: Partial<Record<string, string>> = {},
  db?: Db,
): Promise<{ app: App; ctx: AppContext; db: Db; config: Config }> {
  const database = db ?? (await createTestDb());
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...overrides });
  const { app, ctx } = await buildApp({ config, db: database, logger: pino({ level: 'silent' }) });
  await app.ready();
  return { app, ctx, db: database, config };
}
