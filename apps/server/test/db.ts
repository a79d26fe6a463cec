import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createDb, type Db } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';

/**
 * The admin URL of the test PostgreSQL server: TEST_DATABASE_URL when set, otherwise the embedded
 * server that the vitest global setup started (PARLEY_TEST_ADMIN_URL).
 */
export function testAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.PARLEY_TEST_ADMIN_URL;
  if (!url) throw new Error('No test database: set TEST_DATABASE_URL or run through vitest (global setup)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a fresh, migrated database for the calling test file and drops it after the file's tests.
 * Returns the open Db (pool closed automatically afterwards).
 */
export async function createTestDb(options: { poolSize?: number; migrate?: boolean } = {}): Promise<Db> {
  const adminUrl = testAdminUrl();
  const name = `parley_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, options.poolSize ?? 8);
  if (options.migrate !== false) await runMigrations(db);
  afterAll(async () => {
    await db.close();
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  });
  return db;
}
