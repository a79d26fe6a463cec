import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createJobs } from './jobs.ts';

const logger = pino({ level: 'silent' });
const fast = { pollingIntervalSeconds: 0.5, retryDelaySeconds: 0 };

describe('jobs', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb({ migrate: false });
  });

  it('runs a registered job once with its data, and retries a failing one', async () => {
    const jobs = createJobs(loadConfig({ DATABASE_URL: db.url }), db, logger, fast);
    const greeted: unknown[] = [];
    let attempts = 0;
    jobs.register<{ name: string }>('probe-greet', async (data) => {
      greeted.push(data);
    });
    jobs.register<{ n: number }>('probe-flaky', async () => {
      attempts++;
      if (attempts === 1) throw new Error('first attempt fails');
    });
    await jobs.start();
    try {
      await jobs.send('probe-greet', { name: 'Ada' });
      await jobs.send('probe-flaky', { n: 1 });
      await expect.poll(() => greeted, { timeout: 20_000 }).toEqual([{ name: 'Ada' }]);
      await expect.poll(() => attempts, { timeout: 20_000 }).toBe(2);
    } finally {
      await jobs.stop();
    }
    expect(greeted).toHaveLength(1);
  });

  it('drops a second job with the same singleton key while the first is queued', async () => {
    const config = loadConfig({ DATABASE_URL: db.url, JOBS_ENABLED: 'false' });
    const jobs = createJobs(config, db, logger, fast);
    jobs.register('probe-dedupe', async () => {});
    await jobs.start();
    try {
      await jobs.send('probe-dedupe', { a: 1 }, { singletonKey: 'k', startAfterSeconds: 3600 });
      await jobs.send('probe-dedupe', { a: 2 }, { singletonKey: 'k', startAfterSeconds: 3600 });
      await jobs.send('probe-dedupe', { a: 3 }, { startAfterSeconds: 3600 });
      await jobs.send('probe-dedupe', { a: 4 }, { startAfterSeconds: 3600 });
    } finally {
      await jobs.stop();
    }
    const { rows } = await db.pool.query(
      "select data from pgboss.job where name = 'probe-dedupe' order by data->>'a'",
    );
    expect(rows.map((r) => r.data)).toEqual([{ a: 1 }, { a: 3 }, { a: 4 }]);
  });

  it('stop() waits for a running job to finish', async () => {
    const jobs = createJobs(loadConfig({ DATABASE_URL: db.url }), db, logger, fast);
    let release: () => void = () => {};
    let started = false;
    let finished = false;
    jobs.register('probe-slow', async () => {
      started = true;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished = true;
    });
    await jobs.start();
    await jobs.send('probe-slow', {});
    await expect.poll(() => started, { timeout: 20_000 }).toBe(true);
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
  });
});
