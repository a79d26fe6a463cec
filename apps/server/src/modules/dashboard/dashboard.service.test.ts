import { describe, expect, it } from 'vitest';
import type { LogRow } from './dashboard.queries.ts';
import { startOfDay, statusTimeline } from './dashboard.service.ts';

const from = new Date('2026-11-25T00:00:00Z');
const at = (availability: LogRow['availability'], time: string): LogRow => ({
  userId: 'u',
  availability,
  changedAt: new Date(`2026-11-25T${time}Z`),
});

describe('the status timeline', () => {
  it('starts with the status held at midnight and chains the changes', () => {
    const log = [
      { ...at('OFFLINE', '00:00:00'), changedAt: new Date('2026-11-24T18:00:00Z') },
      at('ACTIVE', '08:00:00'),
      at('BUSY', '12:00:00'),
    ];
    expect(statusTimeline(log, from, at('BUSY', '12:00:00'))).toEqual([
      { availability: 'OFFLINE', from: '2026-11-25T00:00:00.000Z', to: '2026-11-25T08:00:00.000Z' },
      { availability: 'ACTIVE', from: '2026-11-25T08:00:00.000Z', to: '2026-11-25T12:00:00.000Z' },
      { availability: 'BUSY', from: '2026-11-25T12:00:00.000Z', to: null },
    ]);
  });

  it('merges repeats and uses the current status when nothing was logged', () => {
    expect(
      statusTimeline([at('ACTIVE', '08:00:00'), at('ACTIVE', '09:00:00')], from, at('ACTIVE', '09:00:00')),
    ).toEqual([{ availability: 'ACTIVE', from: '2026-11-25T08:00:00.000Z', to: null }]);
    expect(
      statusTimeline([], from, { ...at('OFFLINE', '00:00:00'), changedAt: new Date('2026-01-01T00:00:00Z') }),
    ).toEqual([{ availability: 'OFFLINE', from: '2026-11-25T00:00:00.000Z', to: null }]);
  });

  it('counts the day from midnight UTC', () => {
    expect(startOfDay(new Date('2026-11-25T23:59:59Z')).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
});
