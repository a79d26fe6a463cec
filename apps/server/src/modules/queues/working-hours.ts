import { WEEKDAYS, type Weekday, type WorkingHours } from '@parley/contracts';

/** The wall-clock date, weekday and time of `at` in `timeZone`. */
export function localClock(at: Date, timeZone: string): { date: string; day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').slice(0, 3).toUpperCase() as Weekday;
  if (!WEEKDAYS.includes(day)) throw new Error(`Unexpected weekday ${part('weekday')}`);
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    day,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * Whether a queue is open at `at` (D4 working hours): null hours = always open; a holiday (a date
 * in the queue's zone) is closed all day; otherwise open inside any weekly interval [from, to)
 * of that weekday, read on the wall clock, so DST shifts move the hours with local time.
 */
export function isWithinWorkingHours(hours: WorkingHours | null, at: Date): boolean {
  if (!hours) return true;
  const clock = localClock(at, hours.timeZone);
  if (hours.holidays.some((h) => h.date === clock.date)) return false;
  return hours.weekly.some((i) => i.day === clock.day && i.from <= clock.time && clock.time < i.to);
}
