import { describe, expect, it } from 'vitest';
import { demoCapacities } from './demo-capacities.ts';
import { generateDemoData } from './generate-demo.ts';

describe('demo capacities', () => {
  it('give every demo agent room above their OPEN and WAITING load, and nobody else a row', () => {
    const data = generateDemoData({ now: new Date('2026-11-25T12:00:00Z') });
    const rows = demoCapacities(data.conversations);
    expect(rows.length).toBeGreaterThan(0);
    for (const { userId, capacity } of rows) {
      const load = data.conversations.filter(
        (c) => c.assigneeUserId === userId && (c.status === 'OPEN' || c.status === 'WAITING'),
      ).length;
      expect(capacity).toBeGreaterThanOrEqual(Math.min(100, load + 1));
      expect(capacity % 5).toBe(0);
    }
  });

  it('leave agents within the default capacity alone', () => {
    const rows = demoCapacities([
      { id: '00000000-0000-4000-8000-000000000001', assigneeUserId: 'a', status: 'OPEN' },
      { id: '00000000-0000-4000-8000-000000000002', assigneeUserId: 'a', status: 'SOLVED' },
    ] as never);
    expect(rows).toEqual([]);
  });
});
