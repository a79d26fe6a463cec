import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerRow } from './customers.repo.ts';
import { type CustomersWorld, customersWorld } from './test-support.ts';

// The second page of the export fails as a dropped database connection would.
vi.mock('./customers.repo.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./customers.repo.ts')>();
  let calls = 0;
  return {
    ...original,
    searchCustomerRows: async (...args: Parameters<typeof original.searchCustomerRows>) => {
      calls++;
      if (calls === 1) {
        return Array.from({ length: 500 }, (_, i): CustomerRow => {
          const at = new Date('2026-01-01T00:00:00Z');
          return {
            ...({} as CustomerRow),
            id: crypto.randomUUID(),
            name: `Person ${String(i).padStart(3, '0')}`,
            gender: null,
            city: null,
            country: null,
            attributes: {},
            createdAt: at,
            updatedAt: at,
          };
        });
      }
      if (calls === 2) throw new Error('Connection terminated unexpectedly');
      return original.searchCustomerRows(...args);
    },
  };
});

let w: CustomersWorld;
let base: string;

beforeAll(async () => {
  w = await customersWorld();
  base = await w.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await w.app.close();
});

describe('CSV export failing midway', () => {
  it('aborts the download instead of ending a truncated file cleanly', async () => {
    const res = await fetch(`${base}/api/customers/export`, { headers: w.supervisor.headers });
    expect(res.status).toBe(200);
    // The first page was sent; the connection is then cut, so the client sees an error, not an end.
    await expect(res.text()).rejects.toThrow();
  });
});
