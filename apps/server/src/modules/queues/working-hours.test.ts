import type { WorkingHours } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours, localClock } from './working-hours.ts';

const office: WorkingHours = {
  timeZone: 'Europe/Zagreb',
  weekly: ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({
    day: day as 'MON',
    from: '08:00',
    to: '16:00',
  })),
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};

describe('working hours', () => {
  it('is always open without hours', () => {
    expect(isWithinWorkingHours(null, new Date('2026-11-29T03:00:00Z'))).toBe(true);
  });

  it('reads the wall clock of the queue time zone', () => {
    // Wednesday 07:30 UTC = 08:30 in Zagreb (CET, UTC+1).
    expect(isWithinWorkingHours(office, new Date('2026-11-25T07:30:00Z'))).toBe(true);
    // 06:30 UTC = 07:30 local: before opening.
    expect(isWithinWorkingHours(office, new Date('2026-11-25T06:30:00Z'))).toBe(false);
    // 15:00 UTC = 16:00 local: `to` is exclusive.
    expect(isWithinWorkingHours(office, new Date('2026-11-25T15:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time (UTC+2 in summer)', () => {
    expect(isWithinWorkingHours(office, new Date('2026-07-01T06:30:00Z'))).toBe(true);
    expect(isWithinWorkingHours(office, new Date('2026-07-01T05:30:00Z'))).toBe(false);
  });

  it('is closed on weekends and holidays', () => {
    expect(isWithinWorkingHours(office, new Date('2026-11-28T10:00:00Z'))).toBe(false);
    expect(isWithinWorkingHours(office, new Date('2026-12-25T10:00:00Z'))).toBe(false);
  });

  it('uses the local date across midnight', () => {
    expect(localClock(new Date('2026-11-25T23:30:00Z'), 'Europe/Zagreb')).toEqual({
      date: '2026-11-26',
      day: 'THU',
      time: '00:30',
    });
  });
});
