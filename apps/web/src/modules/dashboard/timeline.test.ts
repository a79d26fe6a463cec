import { describe, expect, it } from 'vitest';
import { DAY_MS, formatClock, loadPercent, timelineSegments, utcDayStart } from './timeline.ts';

const day = Date.parse('2026-11-25T00:00:00.000Z');
const at = (hh: number) => new Date(day + hh * 3_600_000).toISOString();

describe('timelineSegments', () => {
  it('places spans on the day, runs the open one to now, clips and drops empty ones', () => {
    const now = day + 12 * 3_600_000;
    const segments = timelineSegments(
      [
        { availability: 'OFFLINE', from: '2026-11-24T20:00:00.000Z', to: at(6) },
        { availability: 'ACTIVE', from: at(6), to: at(6) },
        { availability: 'ACTIVE', from: at(6), to: at(9) },
        { availability: 'BUSY', from: at(9), to: null },
      ],
      day,
      now,
    );
    expect(segments.map((s) => [s.availability, s.left, s.width])).toEqual([
      ['OFFLINE', 0, 25],
      ['ACTIVE', 25, 12.5],
      ['BUSY', 37.5, 12.5],
    ]);
  });

  it('finds the UTC day start', () => {
    expect(utcDayStart(day + DAY_MS - 1)).toBe(day);
  });
});

describe('formatClock and loadPercent', () => {
  it('ticks in m:ss, then h:mm:ss', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_729_000)).toBe('1:02:09');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock((93 * 3600 + 33 * 60) * 1000)).toBe('3 d 21 h');
  });

  it('caps the load bar and treats zero capacity as full when loaded', () => {
    expect(loadPercent(2, 5)).toBe(40);
    expect(loadPercent(7, 5)).toBe(100);
    expect(loadPercent(1, 0)).toBe(100);
    expect(loadPercent(0, 0)).toBe(0);
  });
});
