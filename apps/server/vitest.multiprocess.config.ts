import { defineConfig } from 'vitest/config';

/** Tests that start several real Parley processes (npm run test:multiprocess). Needs TEST_DATABASE_URL and Redis. */
export default defineConfig({
  test: {
    name: 'multiprocess',
    root: import.meta.dirname,
    include: ['test/**/*.multiprocess.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
