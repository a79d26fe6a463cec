import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

export type Orm = NodePgDatabase<Record<string, never>>;

/** The database handle every module receives: a pg pool and a Drizzle ORM over it. */
export interface Db {
  pool: pg.Pool;
  orm: Orm;
  url: string;
  close(): Promise<void>;
}

/** Opens a pool on `url`. */
export function createDb(url: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'parley' });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const orm = drizzle(pool);
  return { pool, orm, url, close: () => pool.end() };
}
