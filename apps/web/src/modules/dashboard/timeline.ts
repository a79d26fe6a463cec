import type { Availability, StatusSpan } from '@parley/contracts';

export const DAY_MS = 86_400_000;

export interface Segment {
  availability: Availability;
  /** Offset and width as percentages of the day. */
  left: number;
  width: number;
  from: number;
  to: number;
}

/** Midnight UTC of the day `at` falls in (the server reports timelines from there). */
export function utcDayStart(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}

/**
 * Places a day's status spans on a 24-hour bar: clipped to the day, an open span runs to `now`,
 * empty spans are dropped.
 */
export function timelineSegments(spans: readonly StatusSpan[], dayStart: number, now: number): Segment[] {
  const dayEnd = dayStart + DAY_MS;
  return spans.flatMap((span) => {
    const from = Math.max(dayStart, Date.parse(span.from));
    const to = Math.min(dayEnd, span.to === null ? now : Date.parse(span.to));
    if (!(to > from)) return [];
    return [
      {
        availability: span.availability,
        left: ((from - dayStart) / DAY_MS) * 100,
        width: ((to - from) / DAY_MS) * 100,
        from,
        to,
      },
    ];
  });
}

/** A ticking clock duration: "4:05" under an hour, "1:02:09" above, "3 d 21 h" from a day on. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  if (h >= 24) return `${Math.floor(h / 24)} d ${h % 24} h`;
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Load as a share of capacity (0–100); any load on zero capacity is full. */
export function loadPercent(load: number, capacity: number): number {
  if (capacity <= 0) return load > 0 ? 100 : 0;
  return Math.min(100, (load / capacity) * 100);
}
